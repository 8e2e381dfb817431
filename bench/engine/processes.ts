/**
 * Peak memory of the provider processes a Pulumi command starts for one project, read from Linux's
 * /proc (VmHWM: the resident set's high-water mark, so a short poll interval loses nothing but a
 * process that lives less than one interval): dynamic-provider processes in the project's folder, and
 * the provider plugin wherever the engine starts it (the bench runs one project at a time).
 */
import { readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

const PLUGIN = "pulumi-resource-resourcegroups";

/** Peak RSS in KiB of every provider process of the project in `dir` running now, by pid. */
function providerPeaks(dir: string): Map<number, number> {
  // /proc shows a process's cwd with symbolic links resolved.
  const realDir = realpathSync(dir);
  const peaks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = read(`/proc/${entry}/cmdline`);
    if (!cmdline) continue;
    if (!cmdline.includes(PLUGIN)) {
      if (!cmdline.includes("dynamic-provider")) continue;
      let cwd: string;
      try {
        cwd = readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        continue;
      }
      if (cwd !== dir && cwd !== realDir) continue;
    }
    const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${entry}/status`) ?? "");
    if (hwm?.[1]) peaks.set(Number(entry), Number(hwm[1]));
  }
  return peaks;
}

/** Watches `dir` until stopped; `stop()` gives the largest peak RSS seen, in MiB (0 if none). */
export function watchProviderMemory(dir: string, intervalMs = 100): { stop: () => number } {
  let peakKiB = 0;
  const poll = () => {
    for (const kib of providerPeaks(dir).values()) peakKiB = Math.max(peakKiB, kib);
  };
  const timer = setInterval(poll, intervalMs);
  return {
    stop: () => {
      poll();
      clearInterval(timer);
      return Math.round(peakKiB / 1024);
    },
  };
}
