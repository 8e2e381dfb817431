import {
  ANNOUNCEMENT_LIFETIME_MS,
  Batches,
  announce,
  forgetAnnouncements,
  withPrefix,
  withdraw,
} from "../../provider/core/batches";
import { engineParallelism, inSlot, resetEngineSlots } from "../../provider/core/engineSlots";
import { ServerError } from "../../provider/core/http/errors";
import { availableParallelism } from "node:os";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(options: {
  quietMs: number;
  unannouncedQuietMs?: number;
  maxWaitMs: number;
  maxItems?: number;
  fail?: boolean;
  /** How long each send takes. */
  sendMs?: number;
}) {
  const sent: { key: string; items: number[] }[] = [];
  const batches = new Batches<number>({
    quietMs: options.quietMs,
    unannouncedQuietMs: options.unannouncedQuietMs,
    maxWaitMs: options.maxWaitMs,
    maxItems: options.maxItems ?? 1000,
    send: (key, items) => {
      sent.push({ key, items });
      if (options.fail) return Promise.reject(new Error("boom"));
      return options.sendMs ? pause(options.sendMs).then(() => undefined) : Promise.resolve();
    },
    itemError: (error, item, size) => withPrefix(error, `item ${item} of ${size}`),
  });
  return { sent, batches };
}

describe("Batches", () => {
  beforeEach(() => forgetAnnouncements());

  it("sends an announced item at once when no other of its key is announced, queued or in flight", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    announce("a");
    await batches.submit("a", 1);
    announce("a");
    await batches.submit("a", 2);
    expect(sent).toEqual([
      { key: "a", items: [1] },
      { key: "a", items: [2] },
    ]);
  });

  it("makes an item nobody announced (a delete) wait for company", async () => {
    const { sent, batches } = recorder({ quietMs: 50, maxWaitMs: 60_000 });
    const done = [batches.submit("a", 1)];
    await pause(10);
    done.push(batches.submit("a", 2));
    await Promise.all(done);
    expect(sent).toEqual([{ key: "a", items: [1, 2] }]);
  });

  it("closes the window of unannounced items sooner than that of announced ones", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, unannouncedQuietMs: 40, maxWaitMs: 60_000 });
    const deletes = [batches.submit("a", 1)];
    await pause(10);
    deletes.push(batches.submit("a", 2));
    await Promise.all(deletes);
    expect(sent).toEqual([{ key: "a", items: [1, 2] }]);
    // An announced item still waits the long window while more of its key are announced.
    announce("b");
    announce("b");
    const created = batches.submit("b", 3);
    await pause(200);
    expect(sent).toEqual([{ key: "a", items: [1, 2] }]);
    await batches.submit("b", 4);
    await created;
    expect(sent).toEqual([
      { key: "a", items: [1, 2] },
      { key: "b", items: [3, 4] },
    ]);
  });

  it("keeps a batch open while announced items are still to come, and sends with the last", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    for (let i = 0; i < 3; i++) announce("a");
    const done = [batches.submit("a", 0), batches.submit("a", 1)];
    await pause(20);
    expect(sent).toEqual([]);
    done.push(batches.submit("a", 2));
    await Promise.all(done);
    expect(sent).toEqual([{ key: "a", items: [0, 1, 2] }]);
  });

  it("does not wait for an announcement that was withdrawn", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    announce("a");
    announce("a");
    withdraw("a");
    await batches.submit("a", 1);
    expect(sent).toEqual([{ key: "a", items: [1] }]);
  });

  it("gathers the items that arrive while a write of their key is in flight into the next call", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, maxWaitMs: 60_000, sendMs: 100 });
    announce("a");
    const done = [batches.submit("a", 0)];
    await pause(10);
    announce("a");
    announce("a");
    announce("b");
    done.push(batches.submit("a", 1), batches.submit("a", 2), batches.submit("b", 9));
    await Promise.all(done);
    expect(sent).toEqual([
      { key: "a", items: [0] },
      { key: "b", items: [9] },
      { key: "a", items: [1, 2] },
    ]);
  });

  it("forgets an announcement after its lifetime", async () => {
    const { sent, batches } = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    const now = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(now - ANNOUNCEMENT_LIFETIME_MS - 1);
    announce("a");
    clock.mockRestore();
    announce("a");
    await batches.submit("a", 1);
    expect(sent).toEqual([{ key: "a", items: [1] }]);
  });

  it("keeps a batch open while items keep arriving within the quiet time, per key", async () => {
    const { sent, batches } = recorder({ quietMs: 400, maxWaitMs: 5000 });
    for (let i = 0; i < 5; i++) announce("a");
    const done: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) {
      done.push(batches.submit("a", i));
      await pause(10);
    }
    announce("b");
    done.push(batches.submit("b", 9));
    await Promise.all(done);
    // No other item of "b" is announced: it goes at once.
    expect(sent).toEqual([
      { key: "b", items: [9] },
      { key: "a", items: [0, 1, 2, 3] },
    ]);
  });

  it("sends after the longest wait even if items keep coming, and at once when full", async () => {
    const { sent, batches } = recorder({ quietMs: 2000, maxWaitMs: 5000, maxItems: 3 });
    for (let i = 0; i < 7; i++) announce("a");
    const done: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) done.push(batches.submit("a", i));
    await Promise.all(done);
    expect(sent.map((b) => b.items)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);

    const slow = recorder({ quietMs: 50, maxWaitMs: 100 });
    for (let i = 0; i < 7; i++) announce("a");
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
    for (let i = 0; i < 3; i++) announce("a");
    const results = await Promise.allSettled([batches.submit("a", 1), batches.submit("a", 2)]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual([
      "Error: item 1 of 2: boom",
      "Error: item 2 of 2: boom",
    ]);
  });
});

describe("Batches when the engine waits on this process", () => {
  const saved = process.env.PULUMI_PARALLEL;
  beforeEach(() => {
    forgetAnnouncements();
    process.env.PULUMI_PARALLEL = "3";
    resetEngineSlots();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PULUMI_PARALLEL;
    else process.env.PULUMI_PARALLEL = saved;
    resetEngineSlots();
  });

  it("waits for company while the engine has a slot free", async () => {
    const { sent, batches } = recorder({ quietMs: 60, maxWaitMs: 60_000 });
    const done = [inSlot(() => batches.submit("a", 1)), inSlot(() => batches.submit("a", 2))];
    await pause(20);
    expect(sent).toEqual([]);
    await Promise.all(done);
    expect(sent).toEqual([{ key: "a", items: [1, 2] }]);
  });

  it("waits for company while an operation in a slot is busy with a call of its own", async () => {
    const { sent, batches } = recorder({ quietMs: 60, maxWaitMs: 60_000 });
    let finish: () => void = () => undefined;
    const busy = inSlot(() => new Promise<void>((resolve) => (finish = resolve)));
    const done = [inSlot(() => batches.submit("a", 1)), inSlot(() => batches.submit("a", 2))];
    await pause(20);
    expect(sent).toEqual([]);
    finish();
    await Promise.all([busy, ...done]);
    expect(sent).toEqual([{ key: "a", items: [1, 2] }]);
  });

  it("sends every open batch, of every batcher, once every slot holds an item waiting in one", async () => {
    const members = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    const zones = recorder({ quietMs: 60_000, maxWaitMs: 60_000 });
    const done = [
      inSlot(() => members.batches.submit("g1", 1)),
      inSlot(() => zones.batches.submit("z1", 2)),
      inSlot(() => members.batches.submit("g1", 3)),
    ];
    await Promise.all(done);
    expect(members.sent).toEqual([{ key: "g1", items: [1, 3] }]);
    expect(zones.sent).toEqual([{ key: "z1", items: [2] }]);
  });

  it("takes the engine's parallelism from PULUMI_PARALLEL, else four per processor as the CLI does", () => {
    expect(engineParallelism({ PULUMI_PARALLEL: "5" })).toBe(5);
    expect(engineParallelism({})).toBe(availableParallelism() * 4);
    expect(engineParallelism({ PULUMI_PARALLEL: "many" })).toBe(availableParallelism() * 4);
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

  it("does not repeat a prefix the message starts with", () => {
    const error = new ServerError({ operation: "remove member i-1 from resource group rg1", status: 500 });
    expect(withPrefix(error, "remove member i-1")).toBe(error);
    const other = withPrefix(error, "remove member i") as ServerError;
    expect(other.message).toBe(`remove member i: ${error.message}`);
  });
});
