export * from "./rules";
export * from "./wire";
export * from "./args";
export * from "./model";
export * from "./members";
