export * from "./regions";
export * from "./roles";
export * from "./scope";
export * from "./csv";
export * from "./region-rows";
