export * from "./csv";
export * from "./dates";
export * from "./nik";
export * from "./region-rows";
export * from "./regions";
export * from "./roles";
export * from "./scope";
export * from "./targets";
