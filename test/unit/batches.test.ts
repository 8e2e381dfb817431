import { Batches, withPrefix } from "../../provider/core/batches";
import { ServerError } from "../../provider/core/http/errors";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(options: { quietMs: number; maxWaitMs: number; maxItems?: number; fail?: boolean }) {
  const sent: { key: string; items: number[] }[] = [];
  const batches = new Batches<number>({
    quietMs: options.quietMs,
    maxWaitMs: options.maxWaitMs,
    maxItems: options.maxItems ?? 1000,
    send: (key, items) => {
      sent.push({ key, items });
      return options.fail ? Promise.reject(new Error("boom")) : Promise.resolve();
    },
    itemError: (error, item, size) => withPrefix(error, `item ${item} of ${size}`),
  });
  return { sent, batches };
}

describe("Batches", () => {
  it("keeps a batch open while items keep arriving within the quiet time, per key", async () => {
    const { sent, batches } = recorder({ quietMs: 400, maxWaitMs: 5000 });
    const done: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) {
      done.push(batches.submit("a", i));
      await pause(10);
    }
    done.push(batches.submit("b", 9));
    await Promise.all(done);
    expect(sent).toEqual([
      { key: "a", items: [0, 1, 2, 3] },
      { key: "b", items: [9] },
    ]);
  });

  it("sends after the longest wait even if items keep coming, and at once when full", async () => {
    const { sent, batches } = recorder({ quietMs: 2000, maxWaitMs: 5000, maxItems: 3 });
    const done: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) done.push(batches.submit("a", i));
    await Promise.all(done);
    expect(sent.map((b) => b.items)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);

    const slow = recorder({ quietMs: 50, maxWaitMs: 100 });
    const later: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) {
      later.push(slow.batches.submit("a", i));
      await pause(35);
    }
    await Promise.all(later);
    expect(slow.sent.length).toBeGreaterThan(1);
    expect(slow.sent.flatMap((b) => b.items)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("fails every item of a failed batch with its own error", async () => {
    const { batches } = recorder({ quietMs: 10, maxWaitMs: 100, fail: true });
    const results = await Promise.allSettled([batches.submit("a", 1), batches.submit("a", 2)]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual([
      "Error: item 1 of 2: boom",
      "Error: item 2 of 2: boom",
    ]);
  });
});

describe("withPrefix", () => {
  it("keeps the error's class and fields", () => {
    const error = new ServerError({ operation: "add 2 members", status: 500, requestId: "r1" });
    const copy = withPrefix(error, "add member m") as ServerError;
    expect(copy).toBeInstanceOf(ServerError);
    expect(copy.message).toBe(`add member m: ${error.message}`);
    expect(copy.status).toBe(500);
    expect(copy.requestId).toBe("r1");
    expect(copy.name).toBe("ServerError");
    expect(error.message).toMatch(/^add 2 members/);
  });
});
