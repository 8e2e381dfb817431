/**
 * What to do with the operations an interrupted `pulumi up` left pending in a stack's state.
 *
 * Pulumi writes a pending `creating` operation before it asks the provider to create a resource, and
 * removes it when the answer arrives. When the CLI is killed in between, the object may exist at the
 * vendor while the state has no id for it. For this package's resources:
 * - a ResourceGroup has a unique name at every vendor, so the group is looked up by that name and, when
 *   found, written into the state with the id and properties the provider's own read() gives it;
 * - a GroupMember or TagRule is identified by its group and what it points at, and creating one that is
 *   already there succeeds without a second copy, so its pending record is dropped and the next
 *   `pulumi up` adds it or finds it in place.
 * Either way no pending operation of this package is left, and `pulumi up` converges on the program.
 */
import { kindOfToken, type KindName, type Vendor } from "pulumi-resource-groups-contracts/kinds";
import { handlers } from "../runtime";
import { cesApi } from "../vendors/ces/settings";
import { cloudflareApi } from "../vendors/cloudflare/settings";
import { stronglyApi } from "../vendors/strongly/settings";
import { zopnightApi } from "../vendors/zopnight/settings";

type Inputs = Record<string, unknown>;

/** Finds a group by the name its inputs declare; undefined when the vendor holds none. */
type GroupLookup = (inputs: Inputs) => Promise<string | undefined>;

const text = (inputs: Inputs, key: string): string => {
  const value = inputs[key];
  if (typeof value !== "string") throw new Error(`the pending create has no ${key} in its inputs`);
  return value;
};
const optionalText = (inputs: Inputs, key: string): string | undefined =>
  typeof inputs[key] === "string" ? inputs[key] : undefined;

/** How each vendor finds a group by its unique name (the table of kinds says where it is unique). */
const LOOKUPS: { readonly [V in Vendor]: GroupLookup } = {
  ces: async (i) => (await cesApi(optionalText(i, "projectId")).findGroupByName(text(i, "name")))?.id,
  cloudflare: async (i) => (await cloudflareApi().findGroupByName(text(i, "accountId"), text(i, "name")))?.id,
  strongly: async (i) => (await stronglyApi().findGroupByName(text(i, "name")))?.id,
  zopnight: async (i) => (await zopnightApi().findGroupByName(text(i, "name")))?.id,
};

/** The parts of a `pulumi stack export` this module reads and writes. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Inputs;
  outputs?: Inputs;
  [field: string]: unknown;
}

export interface PendingOperation {
  type: string;
  resource: StateResource;
}

export interface Deployment {
  resources?: StateResource[];
  pending_operations?: PendingOperation[];
  [field: string]: unknown;
}

export type Outcome =
  /** The group existed at the vendor and is now in the state under this id. */
  | { urn: string; action: "adopted"; id: string }
  /** Nothing to bring in (a group that was never created, or a member): the next up creates it. */
  | { urn: string; action: "dropped"; reason: string }
  /** Not a resource of this package: left pending for Pulumi to handle. */
  | { urn: string; action: "kept"; reason: string };

/** The state of a group found at its vendor, from the same read() a `pulumi refresh` runs. */
async function adoptedState(
  op: PendingOperation,
  kind: KindName,
  id: string,
): Promise<StateResource | undefined> {
  const inputs = op.resource.inputs ?? {};
  const read = await handlers[kind].read(id, inputs);
  if (!read.id) return undefined;
  // The dynamic-provider host keeps its serialized provider beside the outputs; so does this.
  const outputs: Inputs = { ...(read.props as Inputs), __provider: inputs.__provider };
  return { ...op.resource, id: read.id, outputs };
}

async function settle(
  op: PendingOperation,
  inState: Set<string>,
): Promise<{ outcome: Outcome; resource?: StateResource; keep: boolean }> {
  const { urn, type } = op.resource;
  const kind = kindOfToken(type);
  if (kind === undefined) {
    return { outcome: { urn, action: "kept", reason: "not a resource of this package" }, keep: true };
  }
  if (op.type === "creating" && kind.role === "group" && inState.has(urn)) {
    // The create of a replacement: the state holds the old group under the same name in the stack.
    const reason =
      "a replacement was being created; run `pulumi refresh --clear-pending-creates`, then `pulumi up`";
    return { outcome: { urn, action: "kept", reason }, keep: true };
  }
  if (op.type === "creating" && kind.role === "group") {
    const id = await LOOKUPS[kind.vendor](op.resource.inputs ?? {});
    const resource = id === undefined ? undefined : await adoptedState(op, kind.kind, id);
    if (resource?.id) return { outcome: { urn, action: "adopted", id: resource.id }, resource, keep: false };
    return {
      outcome: { urn, action: "dropped", reason: "the vendor holds no group of that name" },
      keep: false,
    };
  }
  if (op.type === "creating" && !kind.idempotentCreate) {
    return { outcome: { urn, action: "kept", reason: "a create that cannot safely run again" }, keep: true };
  }
  const reason =
    op.type === "creating"
      ? "adding it again is harmless: the next up adds it or finds it there"
      : `a pending '${op.type}' of a resource the state still holds: the next up repeats it`;
  return { outcome: { urn, action: "dropped", reason }, keep: false };
}

/**
 * Settles every pending operation of this package's resources. Returns the deployment to import
 * (groups found appended to the resources: they depend only on resources already there) and what
 * was done for each operation.
 */
export async function settlePendingOperations(
  deployment: Deployment,
): Promise<{ deployment: Deployment; outcomes: Outcome[] }> {
  const pending = deployment.pending_operations ?? [];
  const resources = [...(deployment.resources ?? [])];
  const kept: PendingOperation[] = [];
  const outcomes: Outcome[] = [];
  const inState = new Set(resources.map((r) => r.urn));
  for (const op of pending) {
    const settled = await settle(op, inState);
    outcomes.push(settled.outcome);
    if (settled.keep) kept.push(op);
    if (settled.resource) resources.push(settled.resource);
  }
  return { deployment: { ...deployment, resources, pending_operations: kept }, outcomes };
}
