/**
 * The plugin's functions: `resourcegroups:<vendor>:getResourceGroup`, a group found by name or id at
 * each vendor. They run the look-ups of the TypeScript package (provider/vendors/<vendor>/lookup.ts);
 * their arguments and results are written here from those look-ups' types, which the schema cannot
 * read. test/unit/schema.test.ts checks them against what the look-ups answer.
 */
import type { Vendor } from "pulumi-resource-groups-contracts/kinds";
import type { PropertySpec } from "./types";

export interface FunctionSpec {
  description: string;
  inputs: { properties: Record<string, PropertySpec> };
  outputs: { properties: Record<string, PropertySpec>; required: string[] };
}

const text = (description: string): PropertySpec => ({ type: "string", description });
const texts = (description: string): PropertySpec => ({
  type: "array",
  items: { type: "string" },
  description,
});
const any = (description: string): PropertySpec => ({ $ref: "pulumi.json#/Any", description });

/** What every look-up takes and answers, whatever the vendor. */
const KEY_INPUTS = (idForm: string, nameRule: string): Record<string, PropertySpec> => ({
  name: text(`The group's name (${nameRule}). Give this or \`id\`.`),
  id: text(`The group's id, ${idForm}. Give this or \`name\`.`),
});

const KEY_OUTPUTS: Record<string, PropertySpec> = {
  id: text("The group's id: what a `GroupMember`'s `groupId` takes."),
  groupId: text("The same as `id`, under the name the `ResourceGroup` resource gives it."),
  name: text("The group's name."),
};

interface VendorLookup {
  vendor: string;
  inputs: Record<string, PropertySpec>;
  outputs: Record<string, PropertySpec>;
}

const LOOKUPS: Record<Vendor, VendorLookup> = {
  ces: {
    vendor: "CES",
    inputs: {
      ...KEY_INPUTS("`rg` followed by 22 letters or digits", "unique in the project, compared exactly"),
      projectId: text("The CES project to look in, when it is not the provider's `projectId`."),
    },
    outputs: {
      type: text("How the group gets its members: `Manual`, `TAG` or `EPS`."),
      tags: any("Every tag rule of the group (TAG groups), as `{key, value}` objects."),
      associationEpIds: texts("EPS groups: the enterprise projects whose resources are the members."),
      enterpriseProjectId: text('The enterprise project the group belongs to: a UUID or "0".'),
      createTime: { type: "number", description: "When CES created the group, in milliseconds since 1970." },
      projectId: text("The CES project the group was found in."),
    },
  },
  cloudflare: {
    vendor: "Cloudflare",
    inputs: {
      ...KEY_INPUTS("32 lowercase hexadecimal characters", "unique in the account, compared exactly"),
      accountId: text("The account to look in, when it is not the provider's `cloudflareAccountId`."),
    },
    outputs: {
      accountId: text("The account the group belongs to."),
      zones: texts("The zones of the group's scope, by zone id; empty when it scopes the whole account."),
      wholeAccount: { type: "boolean", description: "Whether the group scopes the whole account." },
      editable: {
        type: "boolean",
        description: "False for the account's built-in group, which Cloudflare manages.",
      },
    },
  },
  strongly: {
    vendor: "Strongly",
    inputs: KEY_INPUTS(
      "`rg_` and 16 lowercase letters or digits",
      "unique in the organization, compared trimmed and ignoring case",
    ),
    outputs: {
      description: text("The group's description."),
      status: text("The group's status."),
      ownerId: text("The user who owns the group."),
      organizationId: text("The organization the group belongs to."),
      members: any("The group's members, as `{type, resourceId, name}` objects."),
      createdAt: text("When the group was created (ISO 8601)."),
      updatedAt: text("When the group last changed, members included (ISO 8601)."),
    },
  },
  zopnight: {
    vendor: "ZopNight",
    inputs: KEY_INPUTS(
      "`grp_` and 12 characters",
      "unique in the organization, compared trimmed and ignoring case",
    ),
    outputs: {
      description: text("The group's description."),
      members: any(
        "The group's members, as `{resourceId, resourceUID, executionTier, executionOrder}` objects.",
      ),
      createdBy: text("Email of the user whose token created the group."),
      createdAt: text("When the group was created (ISO 8601)."),
      updatedAt: text("When the group last changed (ISO 8601)."),
    },
  },
};

/** The vendors that have a look-up, in the table's order. */
export const LOOKUP_VENDORS = Object.keys(LOOKUPS) as Vendor[];

/** The token of a vendor's look-up. */
export const lookupToken = (pkg: string, vendor: Vendor): string => `${pkg}:${vendor}:getResourceGroup`;

/** The vendor whose look-up a function token names; undefined for any other token. */
export function vendorOfLookupToken(pkg: string, token: string): Vendor | undefined {
  return LOOKUP_VENDORS.find((vendor) => lookupToken(pkg, vendor) === token);
}

/** Every function of the package, by token. */
export function functionSpecs(pkg: string): Record<string, FunctionSpec> {
  return Object.fromEntries(
    LOOKUP_VENDORS.map((vendor) => {
      const lookup = LOOKUPS[vendor];
      const outputs = { ...KEY_OUTPUTS, ...lookup.outputs };
      const spec: FunctionSpec = {
        description: `Finds a ${lookup.vendor} resource group by name or id, one the program does not manage. Fails naming the vendor when there is none.`,
        inputs: { properties: lookup.inputs },
        outputs: { properties: outputs, required: Object.keys(outputs) },
      };
      return [lookupToken(pkg, vendor), spec];
    }),
  );
}
