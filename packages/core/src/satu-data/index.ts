export * from "./datasets";
export * from "./table";
