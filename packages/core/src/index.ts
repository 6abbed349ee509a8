export * from "./csv";
export * from "./region-rows";
export * from "./regions";
export * from "./roles";
export * from "./scope";
