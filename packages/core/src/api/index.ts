// The API contract: one file per feature with its endpoints (method, path, zod schemas in and out).
export * from "./audit";
export * from "./auth";
export * from "./common";
export * from "./duplicates";
export * from "./endpoint";
export * from "./error-codes";
export * from "./households";
export * from "./imports";
export * from "./measurements";
export * from "./persons";
export * from "./planning";
export * from "./pregnancies";
export * from "./regions";
export * from "./sync";
export * from "./users";
