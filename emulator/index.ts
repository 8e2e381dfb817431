/** Public API of the emulator, used by the provider's integration tests, the benchmarks and the demo. */
export { DEV_TOKEN, startEmulator, type EmulatorOptions, type RunningEmulator } from "./start";
export type { FaultSettings } from "./faults";
export type { EmulatorStats } from "./stats";
