export * from "./catalog";
export * from "./period";
export * from "./rules";
export * from "./schemas";
export * from "./scorecard";
