// The emulator moved to its own package in 0.2.0; this path re-exports it when it is installed.
export * from "pulumi-resource-groups-emulator";
