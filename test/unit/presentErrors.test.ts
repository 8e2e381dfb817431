import { ConfigurationError } from "../../provider/core/errors";
import type { ResourceHandler } from "../../provider/core/handler";
import { hostEcho, presentErrors } from "../../provider/runtime/presentErrors";

/** A handler whose every step fails with `error`. */
function failing(error: Error): ResourceHandler {
  const fail = () => Promise.reject(error);
  return { check: fail, diff: fail, create: fail, read: fail, update: fail, delete: fail };
}

/** What console.error printed while `run` ran, the way the dynamic-provider host calls it. */
async function printed(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return lines;
}

describe("presentErrors", () => {
  it("keeps the host from echoing our error with its stack, at every step the host echoes", async () => {
    const error = new ConfigurationError("token: set stack config 'resourcegroups:token'");
    const { kind } = presentErrors({ kind: failing(error) });
    const lines = await printed(async () => {
      for (const step of [
        () => kind.check({}, {}),
        () => kind.diff("id", {}, {}),
        () => kind.read("id", {}),
        () => kind.delete("id", {}),
      ]) {
        await expect(step()).rejects.toBe(error);
        // What cmd/dynamic-provider does next with the error.
        console.error(hostEcho(error));
      }
      console.error("another line");
    });
    expect(lines).toEqual(["another line"]);
  });

  it("leaves the echo of an error that is not ours (a bug keeps its stack trace)", async () => {
    const bug = new TypeError("Cannot read properties of undefined");
    const { kind } = presentErrors({ kind: failing(bug) });
    const lines = await printed(async () => {
      await expect(kind.read("id", {})).rejects.toBe(bug);
      console.error(hostEcho(bug));
    });
    expect(lines).toEqual([hostEcho(bug)]);
    expect(lines[0]).toMatch(/\n\s+at /);
  });

  it("create and update fail with the same error, which the host does not echo", async () => {
    const error = new ConfigurationError("endpoint: set it");
    const { kind } = presentErrors({ kind: failing(error) });
    await expect(kind.create({})).rejects.toBe(error);
    await expect(kind.update("id", {}, {})).rejects.toBe(error);
  });
});
