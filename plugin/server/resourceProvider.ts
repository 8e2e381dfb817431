/**
 * The plugin's resource operations: each call finds the kind from the URN's type token and runs the
 * same handler the dynamic provider runs (pulumi-resource-groups/runtime), so validation, retries,
 * batches and recovery rules are the dynamic provider's. Only what a plugin must add is here: the
 * name default of the TypeScript classes, the property-level diff, and the provider's own
 * configuration in place of the stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { argumentNames, KIND_ARGS } from "pulumi-resource-groups-contracts";
import type { KindName } from "pulumi-resource-groups-contracts/kinds";
import * as runtime from "pulumi-resource-groups/runtime";
import { defaultsToResourceName, kindOfPluginToken } from "../schema/packageSchema";
import { detailedDiff, type PropertyDiffKind } from "./detailedDiff";
import { nameOfUrn, typeOfUrn } from "./urn";

type Props = Record<string, unknown>;
type Handler = (typeof runtime.handlers)[KindName];

export interface CheckOutcome {
  inputs: Props;
  failures: { property: string; reason: string }[];
}

export interface DiffOutcome {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Undefined when the change is in no argument (a write left half-done): the engine shows it whole. */
  detailedDiff?: Record<string, PropertyDiffKind>;
}

/** The kind a URN names; an error for a type this plugin does not serve. */
export function kindOfUrn(urn: string): KindName {
  const token = typeOfUrn(urn);
  const kind = kindOfPluginToken(token);
  if (kind === undefined)
    throw new Error(`unknown resource type ${token}: this plugin serves resourcegroups:<vendor>:<Type>`);
  return kind;
}

const handlerOf = (urn: string): Handler => runtime.handlers[kindOfUrn(urn)];

/** A provider argument as the settings read it: a string (structured values as their JSON). */
function asSetting(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Hands the provider's configuration to the settings: the stack config of the default provider, or
 * the arguments of an explicit one. Keys come bare (`token`); the settings ask for `resourcegroups:token`.
 */
export function configure(args: Props): Promise<void> {
  // The look-ups (./invoke) read the stack config of a program: in the plugin, it is this provider's.
  const stackConfig: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    const setting = asSetting(value);
    if (setting !== undefined) stackConfig[`resourcegroups:${key.replace(/^resourcegroups:/, "")}`] = setting;
  }
  pulumi.runtime.setAllConfig(stackConfig);
  return runtime.configure({
    config: {
      get: (key: string) => asSetting(args[key.replace(/^resourcegroups:/, "")] ?? args[key]),
    },
  });
}

export async function check(urn: string, olds: Props, news: Props): Promise<CheckOutcome> {
  const kind = kindOfUrn(urn);
  const declared = { ...news };
  // As the TypeScript classes do: a group without a name takes the resource's.
  if (declared.name === undefined && defaultsToResourceName(kind, "name")) declared.name = nameOfUrn(urn);
  const result = await runtime.handlers[kind].check(olds, declared);
  return { inputs: (result.inputs ?? declared) as Props, failures: [...(result.failures ?? [])] };
}

export async function diff(id: string, urn: string, olds: Props, news: Props): Promise<DiffOutcome> {
  const kind = kindOfUrn(urn);
  const decision = await runtime.handlers[kind].diff(id, olds, news);
  const changes = decision.changes === true;
  const replaces = [...(decision.replaces ?? [])];
  const outcome: DiffOutcome = {
    changes,
    replaces,
    deleteBeforeReplace: decision.deleteBeforeReplace === true,
  };
  if (!changes) return outcome;
  const properties = detailedDiff(argumentNames(KIND_ARGS[kind]), olds, news, replaces);
  if (Object.keys(properties).length > 0) outcome.detailedDiff = properties;
  return outcome;
}

export async function create(urn: string, inputs: Props): Promise<{ id: string; outs: Props }> {
  const result = await handlerOf(urn).create(inputs);
  return { id: result.id, outs: (result.outs ?? {}) as Props };
}

export async function read(id: string, urn: string, props: Props): Promise<{ id: string; props: Props }> {
  const result = await handlerOf(urn).read(id, props);
  return { id: result.id ?? "", props: (result.props ?? {}) as Props };
}

/**
 * The inputs of an object read from its id alone (an import): the kind's arguments as the vendor holds
 * them, so a program declaring the same values sees no change. Outputs stay out of the inputs.
 */
export function importedInputs(urn: string, props: Props): Props {
  const names = argumentNames(KIND_ARGS[kindOfUrn(urn)]);
  return Object.fromEntries(
    names
      .filter((name) => props[name] !== undefined && props[name] !== null)
      .map((name) => [name, props[name]]),
  );
}

export async function update(id: string, urn: string, olds: Props, news: Props): Promise<Props> {
  const result = await handlerOf(urn).update(id, olds, news);
  return (result.outs ?? {}) as Props;
}

export async function remove(id: string, urn: string, props: Props): Promise<void> {
  await handlerOf(urn).delete(id, props);
}
