/** Public API of the emulator, used by the provider's integration tests, the benchmarks and the demo. */
export {
  DEV_TOKEN,
  DIALECT_NAMES,
  startEmulator,
  type DialectControl,
  type DialectName,
  type EmulatorOptions,
  type RunningEmulator,
} from "./core/start";
export type { FaultSettings } from "./core/faults";
export type { EmulatorStats } from "./core/stats";
