export * from "./case-audit";
export * from "./catin";
export * from "./family-risk";
export * from "./schemas";
export * from "./semester";
export * from "./sync-data";
export * from "./views";
