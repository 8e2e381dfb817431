import { processWideReads, SharedReads } from "../../provider/core/sharedReads";
import { resetSettings } from "../../provider/core/settings";

describe("SharedReads", () => {
  let now = 0;
  const reads = () => new SharedReads<number>(1000, () => now);
  beforeEach(() => (now = 0));

  it("joins a read in flight and reuses a finished one within the window", async () => {
    const shared = reads();
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await Promise.all([shared.get("g", load), shared.get("g", load)])).toEqual([1, 1]);
    now = 999;
    expect(await shared.get("g", load)).toBe(1);
    expect(await shared.get("other", load)).toBe(2);
    now = 1001;
    expect(await shared.get("g", load)).toBe(3);
    expect(calls).toBe(3);
  });

  it("reads again after forget, and never keeps a failure", async () => {
    const shared = reads();
    let calls = 0;
    expect(await shared.get("g", () => Promise.resolve(++calls))).toBe(1);
    shared.forget("g");
    expect(await shared.get("g", () => Promise.resolve(++calls))).toBe(2);
    await expect(shared.get("f", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await shared.get("f", () => Promise.resolve(7))).toBe(7);
  });

  it("forgets the read before and after a write, even a failed one", async () => {
    const shared = reads();
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await shared.get("g", load)).toBe(1);
    const seenDuringWrite = await shared.writing("g", () => shared.get("g", load));
    expect(seenDuringWrite).toBe(2);
    expect(await shared.get("g", load)).toBe(3);
    await expect(shared.writing("g", () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await shared.get("g", load)).toBe(4);
  });

  it("process-wide reads are forgotten when the settings are reset", async () => {
    const shared = processWideReads<number>(60_000);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await shared.get("g", load)).toBe(1);
    expect(await shared.get("g", load)).toBe(1);
    resetSettings();
    expect(await shared.get("g", load)).toBe(2);
  });
});
