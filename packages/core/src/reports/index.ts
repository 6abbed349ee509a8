export * from "./achievements";
export * from "./assessment";
export * from "./awards";
export * from "./due";
export * from "./kinds";
export * from "./views";
