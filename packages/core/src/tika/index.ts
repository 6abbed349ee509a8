export * from "./counts";
export * from "./rules";
export * from "./schemas";
