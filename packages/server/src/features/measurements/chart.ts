// Pure, shared with the PWA (offline growth chart): it lives in core.
export { chartFor } from "@tumbuh/core/growth-views";
