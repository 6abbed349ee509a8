export * from "./activity-catalog";
export * from "./calendar";
export * from "./evidence";
export * from "./funding";
export * from "./kpm-criteria";
export * from "./schemas";
export * from "./social-mapping";
export * from "./stages";
