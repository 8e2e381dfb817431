/**
 * The provider's check() and the emulator's request validation, held against each other on random
 * inputs biased towards the limits in docs/vendors/: whatever check() accepts, the emulator accepts in
 * the body the provider then sends; whatever the emulator accepts, check() accepts, except for the
 * few mistakes the provider refuses on purpose although the API would silently ignore them.
 */
import type * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import {
  parseCreateGroup as cesCreate,
  parseGroupId as cesGroupId,
  parseMembers as cesMembers,
  parseUpdateGroup as cesUpdate,
} from "../../emulator/vendors/ces/validation";
import {
  parseCreateGroup as cfCreate,
  parsePathIds as cfPathIds,
  parseUpdateGroup as cfUpdate,
} from "../../emulator/vendors/cloudflare/validation";
import {
  parseCreateGroup as stronglyCreate,
  parseMember as stronglyMember,
} from "../../emulator/vendors/strongly/validation";
import {
  parseCreateGroup as zopCreate,
  parseSequence as zopSequence,
} from "../../emulator/vendors/zopnight/validation";
import { handlers, type HandlerKind } from "../../provider/runtime";
import { toCreateBody, toWireResources, toWireTags } from "pulumi-resource-groups-contracts/ces";
import { accountKey, zoneKey } from "pulumi-resource-groups-contracts/cloudflare";
import { toWireScope } from "pulumi-resource-groups-contracts/cloudflare";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const RUNS = 200;

// ---- Arbitraries biased towards the boundaries ----

/** A length at or next to a limit most of the time, anywhere in range otherwise. */
const lengthNear = (max: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(0, 1, max - 1, max, max + 1), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max }), weight: 3 },
  );

/**
 * Text of a length near `max` from `valid` characters, with, a fifth of the time, one character
 * from `invalid` slipped in.
 */
function text(valid: readonly string[], invalid: readonly string[], max: number): fc.Arbitrary<string> {
  const body = lengthNear(max).chain((n) =>
    fc.array(fc.constantFrom(...valid), { minLength: n, maxLength: n }).map((chars) => chars.join("")),
  );
  if (invalid.length === 0) return body;
  return fc
    .tuple(
      body,
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 4 },
        { arbitrary: fc.constantFrom(...invalid), weight: 1 },
      ),
      fc.nat(),
    )
    .map(([s, bad, at]) => {
      if (bad === null) return s;
      const chars = [...s];
      chars.splice(chars.length === 0 ? 0 : at % chars.length, chars.length === 0 ? 0 : 1, bad);
      return chars.join("");
    });
}

/** Now and then a value of the wrong type. */
const orWrongType = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: arb, weight: 12 },
    { arbitrary: fc.constantFrom<unknown>(null, 42, true, [], {}), weight: 1 },
  );

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

const ASCII = ["a", "Z", "0", "9", "_", "-"];
const CJK = ["中", "龥", "一"];
const LOWER_HEX = [..."0123456789abcdef"];

// ---- The two sides ----

async function check(kind: HandlerKind, args: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  const news = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
  return handlers[kind].check({}, news);
}

function accepts(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

interface Agreement<A extends Record<string, unknown>> {
  kind: HandlerKind;
  args: fc.Arbitrary<A>;
  /** The emulator's validation of what the provider sends for inputs check() returned. */
  sent: (inputs: Record<string, unknown>) => unknown;
  /** The emulator's validation of the same values written straight into a request. */
  direct: (args: A) => unknown;
  /** Mistakes only the provider refuses, because the API would drop them without a word. */
  providerOnly?: (args: A) => boolean;
}

async function holds<A extends Record<string, unknown>>(agreement: Agreement<A>): Promise<void> {
  const seen = { providerAccepted: 0, providerRefused: 0 };
  await fc.assert(
    fc.asyncProperty(agreement.args, async (args) => {
      const result = await check(agreement.kind, args);
      const providerOk = (result.failures ?? []).length === 0;
      seen[providerOk ? "providerAccepted" : "providerRefused"] += 1;
      if (providerOk) {
        const inputs = result.inputs as Record<string, unknown>;
        if (!accepts(() => agreement.sent(inputs)))
          throw new Error("the emulator refuses what check() accepted");
      }
      if (accepts(() => agreement.direct(args)) && !agreement.providerOnly?.(args) && !providerOk) {
        throw new Error(`check() refuses what the emulator accepts: ${JSON.stringify(result.failures)}`);
      }
    }),
    { numRuns: RUNS },
  );
  // The inputs reached both sides of the limits, or the property proves little.
  expect(seen.providerAccepted).toBeGreaterThan(RUNS / 40);
  expect(seen.providerRefused).toBeGreaterThan(RUNS / 40);
}

const json = (value: unknown) => JSON.stringify(value);
const defined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

// ---- CES ----

const cesName = (max: number) => text([...ASCII, ...CJK], [" ", ".", "é", "😀", "\u0000", "丁丁"], max);
const epId = fc.oneof(
  fc.uuid().map((u) => u.toLowerCase()),
  fc.constantFrom("0", "00", "0D2A4A4E-7D3C-4C4B-9C2E-1A2B3C4D5E6F", "0d2a4a4e7d3c4c4b9c2e1a2b3c4d5e6f"),
);
const cesGroupIdArb = fc.oneof(
  { arbitrary: fc.stringMatching(/^rg[A-Za-z0-9]{22}$/), weight: 6 },
  {
    arbitrary: fc.constantFrom("rg", `RG${"a".repeat(22)}`, `rg${"a".repeat(21)}-`, `rg${"a".repeat(23)}`),
    weight: 1,
  },
);
const tagArb = fc.record(
  { key: orWrongType(cesName(36)), value: optional(orWrongType(cesName(43))) },
  { requiredKeys: ["key"] },
);

describe("CES: check() and the emulator agree", () => {
  test("ResourceGroup", async () => {
    await holds({
      kind: "resourceGroup",
      // Mostly the lists a group's type asks for, now and then the ones it does not.
      args: fc.constantFrom<unknown>("Manual", "TAG", "EPS", undefined, "tag", "").chain((type) => {
        const wanted = (own: boolean) => (own ? 8 : 1);
        const list = <T>(item: fc.Arbitrary<T>, own: boolean) =>
          fc.oneof(
            { arbitrary: fc.constant(undefined), weight: own ? 1 : 8 },
            { arbitrary: fc.array(item, { minLength: 1, maxLength: 2 }), weight: wanted(own) },
            { arbitrary: fc.array(item, { minLength: 10, maxLength: 11 }), weight: 1 },
            { arbitrary: fc.constant([]), weight: 1 },
          );
        return fc.record({
          name: orWrongType(cesName(128)),
          type: fc.constant(type),
          tags: list(tagArb, type === "TAG"),
          associationEpIds: list(epId, type === "EPS"),
          enterpriseProjectId: optional(epId),
        });
      }),
      sent: (inputs) => cesCreate(json(toCreateBody(inputs as never))),
      direct: (a) =>
        cesCreate(
          json(
            defined({
              group_name: a.name,
              type: a.type,
              tags: a.tags,
              association_ep_ids: a.associationEpIds,
              enterprise_project_id: a.enterpriseProjectId,
            }),
          ),
        ),
      // Tags on a non-TAG group, EP ids on a non-EPS group and repeated tags are dropped by the API.
      providerOnly: (a) => {
        const type = a.type ?? "Manual";
        const tags = a.tags ?? [];
        const keys = tags.map((t) => JSON.stringify([t.key, t.value ?? ""]));
        return (
          (type !== "TAG" && a.tags !== undefined) ||
          (type !== "EPS" && a.associationEpIds !== undefined) ||
          new Set(keys).size !== keys.length
        );
      },
    });
  });

  test("GroupMember", async () => {
    const dimension = fc.record({
      name: orWrongType(text(ASCII, [" ", "."], 31).map((rest) => `d${rest}`)),
      value: orWrongType(text(["v", "中", "😀", " ", "\u0001"], [], 256)),
    });
    await holds({
      kind: "groupMember",
      args: fc.record({
        groupId: cesGroupIdArb,
        namespace: orWrongType(
          fc.oneof(
            fc.constantFrom("SYS.ECS", "AGT.ECS", "A.B", "SYS", "SYS.", ".ECS", "1YS.ECS", "SYS.E-S"),
            text(["S", "y", "_", "1"], [], 14).map((s) => `S${s}.E${s}`),
          ),
        ),
        dimensions: orWrongType(fc.array(dimension, { maxLength: 5 })),
      }),
      sent: (inputs) => {
        cesGroupId(inputs.groupId as string);
        return cesMembers(json(toWireResources([inputs as never])));
      },
      direct: (a) => {
        cesGroupId(a.groupId);
        return cesMembers(json({ resources: [{ namespace: a.namespace, dimensions: a.dimensions }] }));
      },
      // A member whose dimension names repeat cannot exist at CES.
      providerOnly: (a) => {
        const dimensions: unknown = a.dimensions;
        const names = Array.isArray(dimensions)
          ? dimensions.map((d: { name?: unknown }) => JSON.stringify(d.name))
          : [];
        return new Set(names).size !== names.length;
      },
    });
  });

  test("TagRule", async () => {
    await holds({
      kind: "tagRule",
      args: fc.record({
        groupId: cesGroupIdArb,
        key: orWrongType(cesName(36)),
        value: optional(orWrongType(cesName(43))),
      }),
      sent: (inputs) => {
        cesGroupId(inputs.groupId as string);
        return cesUpdate(json({ group_name: "g", tags: toWireTags([inputs as never]) }));
      },
      direct: (a) => {
        cesGroupId(a.groupId);
        return cesUpdate(json({ group_name: "g", tags: [defined({ key: a.key, value: a.value })] }));
      },
    });
  });
});

// ---- Cloudflare ----

const hex32 = fc.oneof(
  { arbitrary: text(LOWER_HEX, ["A", "g", " "], 32), weight: 1 },
  { arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/), weight: 3 },
);
const cfName = text(["a", " ", "é", "😀", "-"], ["\u0000", "\u001f", "\u007f", "\n"], 255);

describe("Cloudflare: check() and the emulator agree", () => {
  test("ResourceGroup", async () => {
    await holds({
      kind: "cloudflareResourceGroup",
      args: fc.record({
        accountId: hex32,
        name: orWrongType(cfName),
        zones: optional(
          fc.oneof(
            fc.array(hex32, { maxLength: 3 }),
            fc
              .integer({ min: 99, max: 101 })
              .map((n) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(32, "0"))),
          ),
        ),
        wholeAccount: optional(fc.boolean()),
      }),
      sent: (inputs) => {
        const state = inputs as { accountId: string; name: string; zones: string[]; wholeAccount: boolean };
        cfPathIds({ account_id: state.accountId });
        const objects = state.wholeAccount ? ["*"] : state.zones.map(zoneKey);
        return cfCreate(
          json({ name: state.name, scope: toWireScope(accountKey(state.accountId), objects) }),
          state.accountId,
        );
      },
      direct: (a) => {
        cfPathIds({ account_id: a.accountId });
        const keys = [...(a.wholeAccount ? ["*"] : []), ...(a.zones ?? []).map((z) => zoneKey(z))];
        return cfCreate(
          json({
            name: a.name,
            scope: { key: accountKey(a.accountId), objects: keys.map((key) => ({ key })) },
          }),
          a.accountId,
        );
      },
    });
  });

  test("GroupMember", async () => {
    await holds({
      kind: "cloudflareGroupMember",
      args: fc.record({ accountId: hex32, groupId: hex32, zoneId: orWrongType(hex32) }),
      sent: (inputs) => {
        const { accountId, groupId, zoneId } = inputs as Record<string, string>;
        cfPathIds({ account_id: accountId as string, resource_group_id: groupId as string });
        return cfUpdate(
          json({ scope: toWireScope(accountKey(accountId as string), [zoneKey(zoneId as string)]) }),
          accountId as string,
        );
      },
      direct: (a) => {
        cfPathIds({ account_id: a.accountId, resource_group_id: a.groupId });
        const key = typeof a.zoneId === "string" ? zoneKey(a.zoneId) : a.zoneId;
        return cfUpdate(json({ scope: { key: accountKey(a.accountId), objects: [{ key }] } }), a.accountId);
      },
    });
  });
});

// ---- Strongly ----

const anyText = (max: number) => text(["a", " ", "中", "😀", "\n"], [], max);

describe("Strongly: check() and the emulator agree", () => {
  test("ResourceGroup", async () => {
    await holds({
      kind: "stronglyResourceGroup",
      args: fc.record({
        name: orWrongType(
          fc.oneof(
            anyText(100),
            anyText(98).map((s) => `  ${s}  `),
          ),
        ),
        description: optional(orWrongType(anyText(500))),
      }),
      sent: (inputs) => stronglyCreate(json({ name: inputs.name, description: inputs.description })),
      direct: (a) => stronglyCreate(json(defined({ name: a.name, description: a.description }))),
    });
  });

  test("GroupMember", async () => {
    await holds({
      kind: "stronglyGroupMember",
      args: fc.record({
        groupId: fc.oneof(
          fc.stringMatching(/^rg_[a-z0-9]{16}$/),
          fc.constantFrom("rg_", "rg_ABCDEFGHIJKLMNOP"),
        ),
        type: fc.constantFrom<unknown>("app", "workflow", "fine_tuning", "App", "model", ""),
        resourceId: orWrongType(text(["a", "Z", "0", "_", "-"], [" ", ".", "/"], 128)),
        name: orWrongType(anyText(200)),
      }),
      // The group id is a path parameter the emulator looks up; its form is the provider's own rule.
      sent: (inputs) =>
        stronglyMember(json({ type: inputs.type, resourceId: inputs.resourceId, name: inputs.name })),
      direct: (a) => stronglyMember(json({ type: a.type, resourceId: a.resourceId, name: a.name })),
      providerOnly: (a) => !/^rg_[a-z0-9]{16}$/.test(a.groupId),
    });
  });
});

// ---- ZopNight ----

describe("ZopNight: check() and the emulator agree", () => {
  test("ResourceGroup", async () => {
    await holds({
      kind: "zopnightResourceGroup",
      args: fc.record({
        name: orWrongType(
          fc.oneof(
            anyText(100),
            anyText(99).map((s) => ` ${s}\t`),
          ),
        ),
        description: optional(orWrongType(anyText(500))),
      }),
      sent: (inputs) => zopCreate(json({ name: inputs.name, description: inputs.description })),
      direct: (a) => zopCreate(json(defined({ name: a.name, description: a.description }))),
    });
  });

  test("GroupMember: start-up tier and order", async () => {
    await holds({
      kind: "zopnightGroupMember",
      args: fc.record({
        groupId: fc.constant("grp_abcdefabcdef"),
        resource: fc.constant("res_web1"),
        executionTier: optional(
          fc.oneof(
            fc.integer({ min: 0, max: 11 }).map((n) => `tier-${n}`),
            fc.constantFrom<unknown>("Tier-1", "tier-01", 1),
          ),
        ),
        executionOrder: optional(
          fc.oneof(
            fc.constantFrom<unknown>(0, 1, 1000, 1001, 1.5, "1", -1),
            fc.integer({ min: -2, max: 1002 }),
          ),
        ),
      }),
      sent: (inputs) =>
        zopSequence(json({ executionTier: inputs.executionTier, executionOrder: inputs.executionOrder })),
      // check() fills the defaults the API gives a new member (tier-1, order 1).
      direct: (a) =>
        zopSequence(
          json({ executionTier: a.executionTier ?? "tier-1", executionOrder: a.executionOrder ?? 1 }),
        ),
    });
  });
});
