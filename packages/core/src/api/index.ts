// The API contract: one file per feature with its endpoints (method, path, zod schemas in and out).
export * from "./audit";
export * from "./auth";
export * from "./common";
export * from "./endpoint";
export * from "./error-codes";
export * from "./indicator-catalog";
export * from "./indicators";
export * from "./regions";
export * from "./services";
