/**
 * Test helper: runs a policy's `validateResource`, `remediateResource` or `validateStack` the way the
 * @pulumi/policy analyzer server does (see its server.js), without the engine:
 *
 * - props are built from plain data; {@link UNKNOWN} anywhere stands for a value not known during
 *   preview and becomes the engine's sentinel behind @pulumi/policy's own unknown-checking proxy, so a
 *   policy that reads an unknown value fails here exactly as it would in a preview;
 * - remediations see secrets-preserving props (`new Secret(...)` values stay secret when replaced) and
 *   their result is serialized like the server does (proxies unwrapped, secrets kept);
 * - stack resources get `dependencies` and `propertyDependencies` resolved from URNs to the resource
 *   objects, dropping URNs that are not in the stack;
 * - `notApplicable(reason)` and an escaping `UnknownValueError` are caught and reported in the outcome,
 *   `reportViolation` calls are collected, any other error is rethrown.
 *
 * Never import policy/index.ts from a test: constructing the PolicyPack starts a gRPC server.
 */
import * as policySdk from "@pulumi/policy";
import type {
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { secretsPreservingProxy } from "@pulumi/policy/secret";
import { UNKNOWN, UNKNOWN_SENTINELS, isUnknownValueError } from "./core/known";
import type { StackResource } from "./core/targets";
import {
  GROUP_MEMBERS_TYPE,
  GROUP_MEMBER_TYPE,
  RESOURCE_GROUP_TYPE,
  TAG_RULE_TYPE,
} from "./vendors/ces/resource-types";
import {
  CLOUDFLARE_GROUP_TYPE,
  CLOUDFLARE_MEMBERS_TYPE,
  CLOUDFLARE_MEMBER_TYPE,
} from "./vendors/cloudflare/resource-types";
import {
  STRONGLY_GROUP_TYPE,
  STRONGLY_MEMBERS_TYPE,
  STRONGLY_MEMBER_TYPE,
} from "./vendors/strongly/resource-types";
import {
  STARTUP_SEQUENCE_TYPE,
  ZOPNIGHT_GROUP_TYPE,
  ZOPNIGHT_MEMBERS_TYPE,
  ZOPNIGHT_MEMBER_TYPE,
} from "./vendors/zopnight/resource-types";

export { UNKNOWN };
export const { Secret } = policySdk;

/** The engine's sentinel for an unknown string (any of the sentinels makes the proxy throw). */
export const ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Stands in for the serialized provider code every dynamic resource carries in `__provider`. */
export const SERIALIZED_PROVIDER = "exports.handler = __f0; /* serialized dynamic provider */";

export interface TestResource {
  type: string;
  name: string;
  urn: string;
  /** Plain data; may contain {@link UNKNOWN} and `Secret` values. */
  props: Record<string, unknown>;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  parent?: string;
}

/** A test resource as a stack policy's target lookup reads it: its identity and props, no dependencies. */
export const asStackResource = ({ type, name, urn, props }: TestResource): StackResource => ({
  type,
  name,
  urn,
  props,
  propertyDependencies: {},
});

export interface TestResourceOptions {
  /** Resources each property was computed from (becomes `propertyDependencies`, and `dependencies`). */
  dependsOn?: Record<string, TestResource[]>;
  parent?: TestResource;
  urn?: string;
}

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::resource-groups::${type}::${name}`;
}

export function testResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  options: TestResourceOptions = {},
): TestResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, resources] of Object.entries(options.dependsOn ?? {})) {
    propertyDependencies[key] = resources.map((resource) => resource.urn);
  }
  return {
    type,
    name,
    urn: options.urn ?? urnOf(type, name),
    props: { __provider: SERIALIZED_PROVIDER, ...props },
    dependencies: [...new Set(Object.values(propertyDependencies).flat())],
    propertyDependencies,
    ...(options.parent ? { parent: options.parent.urn } : {}),
  };
}

type Builder = (name: string, props: Record<string, unknown>, options?: TestResourceOptions) => TestResource;

const builder =
  (type: string): Builder =>
  (name, props, options) =>
    testResource(type, name, props, options);

// CES (the top-level classes of the package).
export const group = builder(RESOURCE_GROUP_TYPE);
export const member = builder(GROUP_MEMBER_TYPE);
/** A GroupMembers: the whole membership of a group as one list. */
export const groupMembers = builder(GROUP_MEMBERS_TYPE);
export const tagRule = builder(TAG_RULE_TYPE);

/** The other vendors' resources, by vendor: `cloudflare.group(...)`, `zopnight.member(...)`. */
export const cloudflare = {
  group: builder(CLOUDFLARE_GROUP_TYPE),
  member: builder(CLOUDFLARE_MEMBER_TYPE),
  groupMembers: builder(CLOUDFLARE_MEMBERS_TYPE),
};
export const strongly = {
  group: builder(STRONGLY_GROUP_TYPE),
  member: builder(STRONGLY_MEMBER_TYPE),
  groupMembers: builder(STRONGLY_MEMBERS_TYPE),
};
export const zopnight = {
  group: builder(ZOPNIGHT_GROUP_TYPE),
  member: builder(ZOPNIGHT_MEMBER_TYPE),
  groupMembers: builder(ZOPNIGHT_MEMBERS_TYPE),
  /** The component resource; give it as `parent` to the resources it declares. */
  startupSequence: (name: string) => testResource(STARTUP_SEQUENCE_TYPE, name, {}),
};

/** One group of each vendor other than CES, with a member targeting it: what CES-only policies must ignore. */
export function otherVendorsStack(): TestResource[] {
  const cf = cloudflare.group("cf", { name: "Edge Zones", wholeAccount: true, exclusive: true });
  const st = strongly.group("st", { name: "Data Team", description: "" });
  const zn = zopnight.group("zn", { name: "Night_Shift" });
  return [
    cf,
    cloudflare.member("cf-1", { groupId: UNKNOWN, zoneId: "0".repeat(32) }, { dependsOn: { groupId: [cf] } }),
    st,
    strongly.member(
      "st-1",
      { groupId: UNKNOWN, type: "ml_model", resourceId: "m1", name: "m1" },
      { dependsOn: { groupId: [st] } },
    ),
    zn,
    zopnight.member(
      "zn-1",
      { groupId: UNKNOWN, resource: "res_1", executionTier: "tier-3" },
      { dependsOn: { groupId: [zn] } },
    ),
  ];
}

/** A GroupMember(s)/TagRule whose `groupId` comes from `target` the way `target.groupId` would in a program. */
export function targeting(
  target: TestResource,
  groupId: unknown = UNKNOWN,
): TestResourceOptions & { groupId: unknown } {
  return { groupId, dependsOn: { groupId: [target] } };
}

export interface Violation {
  message: string;
  urn?: string;
}

export interface Outcome {
  violations: Violation[];
  /** The messages of {@link violations}, for short assertions. */
  messages: string[];
  /** Set when the policy called `notApplicable(reason)`. */
  notApplicable?: string;
  /** Set when an unknown value escaped the policy: the engine would skip it with "can't run during preview". */
  skippedInPreview?: string;
}

export interface RemediationOutcome {
  /** The remediated props as the engine would receive them; `undefined` when nothing was changed. */
  props?: Record<string, unknown>;
  notApplicable?: string;
  skippedInPreview?: string;
}

class NotApplicableSignal extends Error {
  constructor(readonly reason: string | undefined) {
    super(reason ?? "Policy does not apply");
  }
}

function throwNotApplicable(reason?: string): never {
  throw new NotApplicableSignal(reason);
}

type Proxier = (value: unknown) => unknown;

const unknownCheckingProxy: Proxier = (() => {
  const candidate: unknown = (policySdk as unknown as Record<string, unknown>)["unknownCheckingProxy"];
  if (typeof candidate !== "function") {
    throw new Error("@pulumi/policy no longer exports unknownCheckingProxy: update policy/testing.ts");
  }
  return candidate as Proxier;
})();

/** Plain test data to the engine's form: UNKNOWN to the sentinel; secrets kept or unwrapped. */
function toEngine(value: unknown, keepSecrets: boolean): unknown {
  if (value === UNKNOWN) {
    return ENGINE_UNKNOWN;
  }
  if (value instanceof policySdk.Secret) {
    const inner = toEngine(value.value, keepSecrets);
    return keepSecrets ? new policySdk.Secret(inner) : inner;
  }
  if (Array.isArray(value)) {
    return value.map((item) => toEngine(item, keepSecrets));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) =>
        item === undefined ? [] : [[key, toEngine(item, keepSecrets)] as const],
      ),
    );
  }
  return value;
}

function engineProps(props: Record<string, unknown>, keepSecrets: boolean): Record<string, unknown> {
  const deserialized = toEngine(props, keepSecrets);
  const proxied = unknownCheckingProxy(
    keepSecrets ? (secretsPreservingProxy(deserialized) as unknown) : deserialized,
  );
  return proxied as Record<string, unknown>;
}

/** What the server's serializeProperties makes of a remediation result, back in test form. */
function fromEngine(value: unknown): unknown {
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (record["__isSpecialProxy"] === true) {
      return fromEngine(record["__getSpecialProxyTarget"]);
    }
  }
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
    return UNKNOWN;
  }
  if (value instanceof policySdk.Secret) {
    return new policySdk.Secret(fromEngine(value.value));
  }
  if (Array.isArray(value)) {
    return value.map(fromEngine);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) =>
        item === undefined ? [] : [[key, fromEngine(item)] as const],
      ),
    );
  }
  return value;
}

const DEFAULT_OPTIONS: PolicyResourceOptions = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

function typeOf(resourceClass: unknown): string | undefined {
  const pulumiType = (resourceClass as { __pulumiType?: unknown }).__pulumiType;
  return typeof pulumiType === "string" ? pulumiType : undefined;
}

/** `getConfig` as the server builds it: the policy's config without `enforcementLevel`. */
function makeGetConfig(config: object | undefined) {
  const { enforcementLevel: _level, ...properties } = (config ?? {}) as Record<string, unknown>;
  return <T extends object>(): T => properties as T;
}

function resourceArgs(
  resource: TestResource,
  config: object | undefined,
  keepSecrets: boolean,
): ResourceValidationArgs {
  const props = engineProps(resource.props, keepSecrets);
  return {
    type: resource.type,
    props,
    urn: resource.urn,
    name: resource.name,
    opts: { ...DEFAULT_OPTIONS, ...(resource.parent ? { parent: resource.parent } : {}) },
    stackTags: new Map<string, string>(),
    isType: (resourceClass) => typeOf(resourceClass) === resource.type,
    asType: ((resourceClass: unknown) =>
      typeOf(resourceClass) === resource.type ? props : undefined) as ResourceValidationArgs["asType"],
    getConfig: makeGetConfig(config),
    notApplicable: throwNotApplicable,
  };
}

function collector(): { violations: Violation[]; report: ReportViolation } {
  const violations: Violation[] = [];
  const report: ReportViolation = (message: string, urn?: string) => {
    violations.push(urn === undefined ? { message } : { message, urn });
  };
  return { violations, report };
}

/** Runs `work`, turning notApplicable and escaping unknowns into outcome fields like the server does. */
async function guarded(work: () => unknown): Promise<{ notApplicable?: string; skippedInPreview?: string }> {
  try {
    await Promise.resolve(work());
    return {};
  } catch (error) {
    if (error instanceof NotApplicableSignal) {
      return { notApplicable: error.reason ?? "" };
    }
    if (isUnknownValueError(error)) {
      return { skippedInPreview: (error as Error).message };
    }
    throw error;
  }
}

function outcome(
  violations: Violation[],
  extra: { notApplicable?: string; skippedInPreview?: string },
): Outcome {
  return { violations, messages: violations.map((violation) => violation.message), ...extra };
}

/** The policy's `hook`, which a run of it needs. */
function hookOf<K extends "validateResource" | "remediateResource">(
  policy: ResourceValidationPolicy,
  hook: K,
): NonNullable<ResourceValidationPolicy[K]> {
  const found = policy[hook];
  if (found === undefined) throw new Error(`policy '${policy.name}' has no ${hook}`);
  return found;
}

/** Runs every `validateResource` of `policy` on `resource` (its inputs), with `config` as the pack config. */
export async function runResourceValidation(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config?: object,
): Promise<Outcome> {
  const validate = hookOf(policy, "validateResource");
  const validations = Array.isArray(validate) ? validate : [validate];
  const { violations, report } = collector();
  let extra: { notApplicable?: string; skippedInPreview?: string } = {};
  for (const validation of validations) {
    // Like the server: fresh args (and props) for each validation function.
    extra = { ...extra, ...(await guarded(() => validation(resourceArgs(resource, config, false), report))) };
  }
  return outcome(violations, extra);
}

/** Runs `remediateResource` of `policy` on `resource` (its inputs), with `config` as the pack config. */
export async function runRemediation(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config?: object,
): Promise<RemediationOutcome> {
  const remediate = hookOf(policy, "remediateResource");
  let result: unknown;
  const extra = await guarded(async () => {
    result = await Promise.resolve(remediate(resourceArgs(resource, config, true)));
  });
  return result ? { props: fromEngine(result) as Record<string, unknown>, ...extra } : extra;
}

/**
 * The engine's flow at enforcementLevel "remediate": remediate first, then validate the (possibly
 * remediated) inputs; violations left are reported as mandatory.
 */
export async function runRemediateThenValidate(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config?: object,
): Promise<{ remediation: RemediationOutcome; validation: Outcome }> {
  const remediation = await runRemediation(policy, resource, config);
  const remediated = remediation.props ? { ...resource, props: remediation.props } : resource;
  return { remediation, validation: await runResourceValidation(policy, remediated, config) };
}

/** Runs `validateStack` of `policy` over `resources` (their outputs), with `config` as the pack config. */
export async function runStackValidation(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
  config?: object,
): Promise<Outcome> {
  const byUrn = new Map<string, PolicyResource>();
  const built = resources.map((resource) => {
    const props = engineProps(resource.props, false);
    const policyResource: PolicyResource = {
      type: resource.type,
      props,
      urn: resource.urn,
      name: resource.name,
      opts: { ...DEFAULT_OPTIONS, ...(resource.parent ? { parent: resource.parent } : {}) },
      dependencies: [],
      propertyDependencies: {},
      isType: (resourceClass) => typeOf(resourceClass) === resource.type,
      asType: ((resourceClass: unknown) =>
        typeOf(resourceClass) === resource.type ? props : undefined) as PolicyResource["asType"],
    };
    byUrn.set(resource.urn, policyResource);
    return { resource, policyResource };
  });
  const resolve = (urns: readonly string[]) =>
    urns.map((urn) => byUrn.get(urn)).filter((found): found is PolicyResource => found !== undefined);
  for (const { resource, policyResource } of built) {
    const parent = resource.parent === undefined ? undefined : byUrn.get(resource.parent);
    if (parent) {
      policyResource.parent = parent;
    }
    policyResource.dependencies = resolve(resource.dependencies);
    for (const [key, urns] of Object.entries(resource.propertyDependencies)) {
      policyResource.propertyDependencies[key] = resolve(urns);
    }
  }
  const args: StackValidationArgs = {
    resources: built.map(({ policyResource }) => policyResource),
    stackTags: new Map<string, string>(),
    getConfig: makeGetConfig(config),
    notApplicable: throwNotApplicable,
  };
  const { violations, report } = collector();
  const extra = await guarded(() => policy.validateStack(args, report));
  return outcome(violations, extra);
}
