export * from "./activity-catalog";
export * from "./calendar";
export * from "./funding";
export * from "./kpm-criteria";
export * from "./schemas";
export * from "./stages";
export * from "./evidence";
