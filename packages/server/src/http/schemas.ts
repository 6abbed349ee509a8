// The shared response schemas live in core's API contract (`@tumbuh/core` api/common.ts).
export { ErrorResponse, RegionSchema } from "@tumbuh/core";
