/**
 * The table of resource kinds: every resource this project offers, at every vendor, in one place. The
 * provider's classes and runtime, the recovery tool, the policy pack and the tests read their type
 * tokens and recovery rules from here; nothing else spells a type token. The argument schemas of each
 * kind are in kindArgs.ts (this module loads no schema library, so resource classes can read it cheaply).
 *
 * Kind names and type tokens are a public interface: every stack written by a release stores them
 * (the token in each resource's URN, the kind in its serialized provider), so a released kind keeps both.
 */

export const VENDORS = ["ces", "cloudflare", "strongly", "zopnight"] as const;
export type Vendor = (typeof VENDORS)[number];

/** What a kind is to its group: the group itself, one member, a whole membership, or a CES tag rule. */
export type Role = "group" | "member" | "members" | "tagRule";

/** How a vendor tells groups apart by name, which is how a group whose create answer was lost is found. */
export interface NameLookup {
  /** Where a name is unique. */
  scope: "project" | "account" | "organization";
  /** How two names are compared there. */
  comparison: "exact" | "trimmed, ignoring case";
}

export interface KindSpec {
  vendor: Vendor;
  role: Role;
  /** The class name, the last part of the type token. */
  type: string;
  /** The type token's module: `resourcegroups`, or `resourcegroups/<vendor>` for the later vendors. */
  module: string;
  /**
   * Whether creating an object that is already there succeeds without a second copy: then a create
   * whose answer was lost is simply run again. Groups are not: they are found by name instead.
   */
  idempotentCreate: boolean;
  /** For groups: how one is found by its name. */
  lookup?: NameLookup;
  /**
   * For members the program may name in more than one way: the argument whose spelling an import id
   * can carry after the group's id (`<groupId>/<spelling>`), so what is imported reads back as the
   * program wrote it. The object's own id stays the canonical one.
   */
  importIdArgument?: string;
  /** One line for docs and generated schemas. */
  description: string;
}

/** The prefix of every type token: what the Node.js SDK gives a dynamic provider's resources. */
export const DYNAMIC_TOKEN_PREFIX = "pulumi-nodejs:dynamic/";

const exactInProject: NameLookup = { scope: "project", comparison: "exact" };

const specs = {
  // Huawei Cloud Eye (CES) v2: kinds and module named before there was a second vendor.
  resourceGroup: {
    vendor: "ces",
    role: "group",
    type: "ResourceGroup",
    module: "resourcegroups",
    idempotentCreate: false,
    lookup: exactInProject,
    description:
      "A CES resource group: resources monitored as one (Manual, by tag, or by enterprise project).",
  },
  groupMember: {
    vendor: "ces",
    role: "member",
    type: "GroupMember",
    module: "resourcegroups",
    idempotentCreate: true,
    description: "One resource (namespace and dimensions) in a Manual CES group.",
  },
  tagRule: {
    vendor: "ces",
    role: "tagRule",
    type: "TagRule",
    module: "resourcegroups",
    idempotentCreate: true,
    description: "One tag matching rule of a TAG CES group.",
  },
  groupMembers: {
    vendor: "ces",
    role: "members",
    type: "GroupMembers",
    module: "resourcegroups",
    idempotentCreate: true,
    description: "The whole membership of a Manual CES group, written as a difference.",
  },
  cloudflareResourceGroup: {
    vendor: "cloudflare",
    role: "group",
    type: "ResourceGroup",
    module: "resourcegroups/cloudflare",
    idempotentCreate: false,
    lookup: { scope: "account", comparison: "exact" },
    description: "A Cloudflare IAM resource group: an access scope of zones that policies grant roles on.",
  },
  cloudflareGroupMember: {
    vendor: "cloudflare",
    role: "member",
    type: "GroupMember",
    module: "resourcegroups/cloudflare",
    idempotentCreate: true,
    description: "One zone in a Cloudflare resource group's scope.",
  },
  cloudflareGroupMembers: {
    vendor: "cloudflare",
    role: "members",
    type: "GroupMembers",
    module: "resourcegroups/cloudflare",
    idempotentCreate: true,
    description: "Every zone of a Cloudflare resource group's scope beyond its own, written whole.",
  },
  stronglyResourceGroup: {
    vendor: "strongly",
    role: "group",
    type: "ResourceGroup",
    module: "resourcegroups/strongly",
    idempotentCreate: false,
    lookup: { scope: "organization", comparison: "trimmed, ignoring case" },
    description: "A Strongly FinOps resource group: platform resources whose costs roll up together.",
  },
  stronglyGroupMember: {
    vendor: "strongly",
    role: "member",
    type: "GroupMember",
    module: "resourcegroups/strongly",
    idempotentCreate: true,
    description: "One platform resource in a Strongly group.",
  },
  stronglyGroupMembers: {
    vendor: "strongly",
    role: "members",
    type: "GroupMembers",
    module: "resourcegroups/strongly",
    idempotentCreate: true,
    description: "The whole membership of a Strongly group, written as a difference.",
  },
  zopnightResourceGroup: {
    vendor: "zopnight",
    role: "group",
    type: "ResourceGroup",
    module: "resourcegroups/zopnight",
    idempotentCreate: false,
    lookup: { scope: "organization", comparison: "trimmed, ignoring case" },
    description: "A ZopNight resource group: resources started and stopped tier by tier, in order.",
  },
  zopnightGroupMember: {
    vendor: "zopnight",
    role: "member",
    type: "GroupMember",
    module: "resourcegroups/zopnight",
    idempotentCreate: true,
    // By its ZopNight id (res_...) or its cloud UID.
    importIdArgument: "resource",
    description: "One resource in a ZopNight group, with its start-up tier and order.",
  },
  zopnightGroupMembers: {
    vendor: "zopnight",
    role: "members",
    type: "GroupMembers",
    module: "resourcegroups/zopnight",
    idempotentCreate: true,
    description: "The whole membership of a ZopNight group with tiers and orders, written as a difference.",
  },
} as const satisfies Record<string, KindSpec>;

/** The name of a kind, as the runtime's handler table and the serialized providers know it. */
export type KindName = keyof typeof specs;

export interface Kind extends KindSpec {
  kind: KindName;
  /** The type token, as it stands in URNs and `pulumi stack export`. */
  token: string;
}

export const KINDS = Object.fromEntries(
  Object.entries(specs).map(([kind, spec]) => [
    kind,
    { ...spec, kind, token: `${DYNAMIC_TOKEN_PREFIX}${spec.module}:${spec.type}` },
  ]),
) as unknown as {
  readonly [K in KindName]: (typeof specs)[K] &
    Kind & {
      kind: K;
      token: `${typeof DYNAMIC_TOKEN_PREFIX}${(typeof specs)[K]["module"]}:${(typeof specs)[K]["type"]}`;
    };
};

export const KIND_NAMES = Object.keys(specs) as KindName[];

const byToken = new Map<string, Kind>(KIND_NAMES.map((name) => [KINDS[name].token, KINDS[name]]));

/** The kind of a type token; undefined for a resource of another package. */
export function kindOfToken(token: string): Kind | undefined {
  return byToken.get(token);
}

/** The kinds of one vendor, or of one role at one vendor. */
export function kindsOf(vendor: Vendor, role?: Role): Kind[] {
  return KIND_NAMES.map((name) => KINDS[name]).filter(
    (k) => k.vendor === vendor && (role === undefined || k.role === role),
  );
}

/** The one kind of a vendor and role (every vendor has one group kind, one member kind, ...). */
export function kindFor(vendor: Vendor, role: Role): Kind {
  const kind = kindsOf(vendor, role)[0];
  if (kind === undefined) throw new Error(`no ${role} kind at ${vendor}`);
  return kind;
}

/**
 * The arguments whose change makes a kind's diff replace the resource instead of updating it: what the
 * handlers decide with and what the provider schema marks `replaceOnChanges`. Most name what the object
 * belongs to (a group, a project, an account), which no API lets an object change.
 */
export const REPLACE_ON: { readonly [K in KindName]: readonly string[] } = {
  resourceGroup: ["type", "associationEpIds", "enterpriseProjectId", "projectId"],
  // A CES member is its namespace and dimensions: any change is another member.
  groupMember: ["groupId", "namespace", "dimensions", "projectId"],
  tagRule: ["groupId", "projectId"],
  groupMembers: ["groupId", "projectId"],
  cloudflareResourceGroup: ["accountId"],
  // A Cloudflare member is one zone of one group: any change is another member.
  cloudflareGroupMember: ["accountId", "groupId", "zoneId"],
  cloudflareGroupMembers: ["accountId", "groupId"],
  stronglyResourceGroup: [],
  stronglyGroupMember: ["groupId", "type", "resourceId"],
  stronglyGroupMembers: ["groupId"],
  zopnightResourceGroup: [],
  zopnightGroupMember: ["groupId", "resource"],
  zopnightGroupMembers: ["groupId"],
};
