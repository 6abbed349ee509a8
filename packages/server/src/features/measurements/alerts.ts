// Pure, shared with the PWA (offline posyandu day): it lives in core.
export { childAlerts } from "@tumbuh/core/growth-views";
