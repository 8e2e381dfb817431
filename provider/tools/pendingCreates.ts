/**
 * What to do with the operations an interrupted `pulumi up` left pending in a stack's state.
 *
 * Pulumi writes a pending operation before it asks a provider to create, update or delete a resource,
 * and removes it when the answer arrives. When the CLI is killed in between, a created object may exist
 * at the vendor while the state has no id for it. This module decides, kind by kind from the contracts'
 * table of kinds (`kindOfToken`), for each pending operation of this package:
 * - a create (or import) of a kind found by its name (every ResourceGroup: `lookup` in the table): the
 *   group is looked up at its vendor and, when found, written into the state with the id and properties
 *   the provider's own read() gives it, as `pulumi refresh` would; when not found, only the pending
 *   record goes and the next `pulumi up` creates it;
 * - a create of a kind whose create is idempotent (GroupMember, GroupMembers, TagRule, at every vendor):
 *   the pending record goes, and the next `pulumi up` adds it again or finds in place what the
 *   interrupted create wrote;
 * - an unfinished update, delete or read: the record goes; the state still holds the resource as it
 *   was before the operation, so the next `pulumi up` does the work again.
 * Operations of other packages, and any of ours that fits none of the above, are kept exactly as they
 * were (recover.ts then writes the state so that they survive).
 */
import { kindOfToken, type Kind, type Vendor } from "pulumi-resource-groups-contracts/kinds";
import { runInConnection } from "../core/connections";
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

/** The parts of a `pulumi stack export` this module reads and writes; the rest is carried as it is. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  custom?: boolean;
  delete?: boolean;
  pendingReplacement?: boolean;
  inputs?: Inputs;
  outputs?: Inputs;
  parent?: string;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  deletedWith?: string;
  [field: string]: unknown;
}

export interface PendingOperation {
  type: string;
  resource: StateResource;
  [field: string]: unknown;
}

export interface Deployment {
  resources?: StateResource[];
  pending_operations?: PendingOperation[];
  [field: string]: unknown;
}

export type Outcome =
  /** The group existed at the vendor and is now in the state under this id. */
  | { urn: string; action: "adopted"; id: string; note?: string }
  /** Nothing to bring in (a group that was never created, a member, an unfinished update): the next up does it. */
  | { urn: string; action: "dropped"; reason: string }
  /** Left pending exactly as it was: another package's, or one of ours that needs a person. */
  | { urn: string; action: "kept"; reason: string; foreign: boolean };

/** Operations after which the state holds no resource for their URN (or not the new one). */
const CREATES = new Set(["creating", "importing"]);

/** The state of a group found at its vendor, from the same read() a `pulumi refresh` runs. */
async function adoptedState(
  op: PendingOperation,
  kind: Kind,
  id: string,
): Promise<StateResource | undefined> {
  const inputs = op.resource.inputs ?? {};
  const read = await handlers[kind.kind].read(id, inputs);
  if (!read.id) return undefined;
  // The dynamic-provider host keeps its serialized provider beside the outputs; so does this.
  const outputs: Inputs = { ...(read.props as Inputs), __provider: inputs.__provider };
  const { pendingReplacement: _p, delete: _d, ...resource } = op.resource;
  return { ...resource, id: read.id, outputs };
}

/** The resources after a decision, and what to say about it. */
interface Settled {
  outcome: Outcome;
  resources: StateResource[];
  keep: boolean;
}

/** A pending record cleared, the resources as they were. */
const dropped = (urn: string, resources: StateResource[], reason: string): Settled => ({
  outcome: { urn, action: "dropped", reason },
  resources,
  keep: false,
});

/** The state's current resource of a URN: the last one not waiting to be deleted. */
function heldIndex(resources: readonly StateResource[], urn: string): number {
  for (let i = resources.length - 1; i >= 0; i--) {
    if (resources[i]?.urn === urn && !resources[i]?.delete) return i;
  }
  return -1;
}

/**
 * A group whose create was in flight: looked up by name and, when found, put into the state. During a
 * replacement the state also holds the group being replaced under the same URN: after a delete-first
 * replacement it is marked `pendingReplacement` (deleted at the vendor, the create not done), and the
 * group found takes its place; after a create-first one it is still live, so it is marked for deletion
 * and the group found is added, as the engine does when such a create completes.
 */
async function settleGroupCreate(
  op: PendingOperation,
  kind: Kind,
  resources: StateResource[],
): Promise<Settled> {
  const urn = op.resource.urn;
  const inputs = op.resource.inputs ?? {};
  // Looked up where the resource lives: through its named connection, if it has one.
  const id = await runInConnection(optionalText(inputs, "connection"), () => LOOKUPS[kind.vendor](inputs));
  const drop = (reason: string) => dropped(urn, resources, reason);
  if (id === undefined) return drop("the vendor holds no group of that name: the next up creates it");
  const held = heldIndex(resources, urn);
  const old = resources[held];
  if (old?.id === id) {
    // Names are unique, so the replacement was never made: the group found is the one in the state.
    return drop("the group of that name is the one the stack already holds: the next up goes on from it");
  }
  const adopted = await adoptedState(op, kind, id);
  if (!adopted?.id) return drop("the group was gone when read: the next up creates it");
  const outcome = (note?: string): Outcome => ({ urn, action: "adopted", id, note });
  if (old?.pendingReplacement) {
    const next = resources.map((r, i) => (i === held ? adopted : r));
    return {
      outcome: outcome(`in place of ${old.id}, deleted by the interrupted replacement`),
      resources: next,
      keep: false,
    };
  }
  if (old) {
    const next = [...resources.map((r, i) => (i === held ? { ...r, delete: true } : r)), adopted];
    return {
      outcome: outcome(`replacing ${old.id}, which the next up deletes`),
      resources: next,
      keep: false,
    };
  }
  return { outcome: outcome(), resources: [...resources, adopted], keep: false };
}

async function settle(op: PendingOperation, resources: StateResource[]): Promise<Settled> {
  const { urn, type } = op.resource;
  const kind = kindOfToken(type);
  const keep = (reason: string, foreign: boolean): Settled => ({
    outcome: { urn, action: "kept", reason, foreign },
    resources,
    keep: true,
  });
  const drop = (reason: string) => dropped(urn, resources, reason);
  if (kind === undefined) return keep("not a resource of this package", true);
  if (!CREATES.has(op.type)) {
    return drop(
      `an unfinished '${op.type}': the state holds the resource as before it, and the next up does it again`,
    );
  }
  if (kind.lookup !== undefined) return settleGroupCreate(op, kind, resources);
  if (kind.idempotentCreate) {
    return drop("creating it again is harmless: the next up adds it or finds it in place");
  }
  return keep(
    "neither found by name nor safe to create twice: check the vendor, then clear or import this create " +
      "with `pulumi refresh` run in a terminal",
    false,
  );
}

/**
 * Settles every pending operation of this package's resources. Returns the deployment to write (groups
 * found added to the resources, the operations kept still pending, in their order) and what was done
 * for each operation.
 */
export async function settlePendingOperations(
  deployment: Deployment,
): Promise<{ deployment: Deployment; outcomes: Outcome[] }> {
  let resources = [...(deployment.resources ?? [])];
  const kept: PendingOperation[] = [];
  const outcomes: Outcome[] = [];
  for (const op of deployment.pending_operations ?? []) {
    const settled = await settle(op, resources);
    outcomes.push(settled.outcome);
    if (settled.keep) kept.push(op);
    resources = settled.resources;
  }
  const problem = integrityProblem(resources);
  if (problem !== undefined) throw new Error(`the settled state would be inconsistent: ${problem}`);
  return { deployment: { ...deployment, resources, pending_operations: kept }, outcomes };
}

/**
 * The first problem the CLI's own integrity check would report about these resources' references (a
 * parent, provider, dependency or deletedWith/replaceWith that does not come before the resource) or
 * about a URN held live twice; undefined when there is none. `pulumi stack import` runs that check;
 * a checkpoint written directly is checked here.
 */
export function integrityProblem(resources: readonly StateResource[]): string | undefined {
  const seen = new Set<string>();
  const live = new Set<string>();
  const providers = new Set<string>();
  for (const r of resources) {
    if (r.provider && !providers.has(r.provider) && !r.pendingReplacement) {
      return `${r.urn} refers to the provider ${r.provider}, which comes after it or is missing`;
    }
    const refs = [
      r.parent,
      r.deletedWith,
      ...(r.dependencies ?? []),
      ...Object.values(r.propertyDependencies ?? {}).flat(),
      ...(Array.isArray(r.replaceWith) ? (r.replaceWith as string[]) : []),
    ];
    const missing = refs.find((ref) => ref && !seen.has(ref));
    if (missing) return `${r.urn} refers to ${missing}, which comes after it or is missing`;
    if (!r.delete && live.has(r.urn)) return `${r.urn} is held twice without being marked for deletion`;
    seen.add(r.urn);
    if (!r.delete) live.add(r.urn);
    if (r.type.startsWith("pulumi:providers:")) providers.add(`${r.urn}::${r.id ?? ""}`);
  }
  return undefined;
}
