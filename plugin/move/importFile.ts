/**
 * The move of a stack from the dynamic provider's resources to the plugin's, without a call to any
 * vendor: the plugin reads each object by its id (`pulumi import --file`), and the dynamic resources
 * leave the state without a delete. This module decides, from a `pulumi stack export`, what moves (a
 * bulk-import file in Pulumi's format) and what the state is without it; it refuses what cannot move
 * unchanged.
 */
import { kindOfToken, type Kind } from "pulumi-resource-groups-contracts/kinds";
import { pluginToken } from "../schema/packageSchema";

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  parent?: string;
  delete?: boolean;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  provider?: string;
  [field: string]: unknown;
}

export interface Deployment {
  resources?: StateResource[];
  pending_operations?: unknown[];
  [field: string]: unknown;
}

/** One entry of a `pulumi import --file` file. */
export interface ImportEntry {
  type: string;
  name: string;
  id: string;
}

export interface Move {
  /** What `pulumi import --file` reads through the plugin. */
  importFile: { resources: ImportEntry[] };
  /** The deployment without the dynamic resources that move (and their default provider, if unused). */
  remaining: Deployment;
}

/** Why the stack cannot move as it is, one line a problem. */
export class MoveRefused extends Error {}

const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * The id the plugin reads a resource by: its own, or for a member the program names in more than one
 * way, its group's id and the argument as the program spelled it, so the import previews no change.
 */
function importId(kind: Kind, resource: StateResource): string {
  const inputs = (resource.inputs ?? {}) as Record<string, unknown>;
  const spelling = kind.importIdArgument === undefined ? undefined : inputs[kind.importIdArgument];
  if (typeof spelling !== "string" || typeof inputs.groupId !== "string") return resource.id ?? "";
  return `${inputs.groupId}/${spelling}`;
}

/** Plans the move of every resource of this package in `deployment`. */
export function planMove(deployment: Deployment): Move {
  const problems: string[] = [];
  if ((deployment.pending_operations ?? []).length > 0) {
    problems.push(
      "the stack has pending operations (an interrupted run): settle them first with resource-groups-recover",
    );
  }
  const resources = deployment.resources ?? [];
  const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
  const moving = resources.filter((r) => !r.delete && kindOfToken(r.type) !== undefined);
  const movingUrns = new Set(moving.map((r) => r.urn));
  const entries: ImportEntry[] = [];
  const names = new Set<string>();
  for (const resource of moving) {
    const kind = kindOfToken(resource.type);
    const name = nameOf(resource.urn);
    if (kind === undefined || resource.id === undefined) continue;
    if (resource.parent !== undefined && resource.parent !== stack) {
      problems.push(
        `${resource.urn}: its parent is a component (${nameOf(resource.parent)}); move it by hand`,
      );
    }
    if (names.has(name)) problems.push(`${resource.urn}: another moving resource is also named '${name}'`);
    names.add(name);
    entries.push({ type: pluginToken(kind), name, id: importId(kind, resource) });
  }
  // Nothing that stays may refer to what leaves, or the state would not load.
  for (const resource of resources.filter((r) => !movingUrns.has(r.urn))) {
    const refs = [
      ...(resource.dependencies ?? []),
      ...Object.values(resource.propertyDependencies ?? {}).flat(),
    ];
    const gone = refs.filter((urn) => movingUrns.has(urn));
    if (gone.length > 0 && resource.type !== "pulumi:pulumi:Stack") {
      problems.push(
        `${resource.urn} depends on ${gone.map(nameOf).join(", ")}: move it with them or remove the dependency`,
      );
    }
  }
  if (problems.length > 0) throw new MoveRefused(problems.join("\n"));
  const kept = resources.filter((r) => !movingUrns.has(r.urn));
  // The dynamic provider's default provider goes too once nothing uses it.
  const usedProviders = new Set(kept.map((r) => r.provider?.split("::").slice(0, -1).join("::")));
  const remaining = kept.filter(
    (r) => !(r.type === "pulumi:providers:pulumi-nodejs" && !usedProviders.has(r.urn)),
  );
  return { importFile: { resources: entries }, remaining: { ...deployment, resources: remaining } };
}
