/**
 * The Pulumi package schema of the plugin, built from the contracts: one resource per kind of the
 * table of kinds (token `resourcegroups:<vendor>:<Type>`), its arguments from the same zod schemas
 * check() applies, replacement-causing arguments from the contracts' REPLACE_ON, and the provider
 * configuration from the settings. The build writes it to dist/schema.json; the plugin serves it.
 */
import {
  KIND_NAMES,
  KINDS,
  REPLACE_ON,
  type Kind,
  type KindName,
} from "pulumi-resource-groups-contracts/kinds";
import { argumentsJsonSchema, kindOutputs } from "pulumi-resource-groups-contracts";
import { functionSpecs, type FunctionSpec } from "./functions";
import { OUTPUTS } from "./outputs";
import {
  CONNECTIONS_SETTING,
  SETTINGS,
  type SettingContract,
  type SettingKey,
} from "pulumi-resource-groups-contracts/settings";
import { propertiesOf, type PropertySpec, type TypeSpecs } from "./types";

export const PACKAGE = "resourcegroups";

export interface ResourceSpec {
  description: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
}

export interface PackageSchema {
  name: string;
  version: string;
  [key: string]: unknown;
  config: { variables: Record<string, PropertySpec> };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: TypeSpecs;
}

/** The plugin's type token of a kind: its vendor is the module. */
export function pluginToken(kind: Pick<Kind, "vendor" | "type">): string {
  return `${PACKAGE}:${kind.vendor}:${kind.type}`;
}

/** The kind a plugin type token stands for; undefined for any other token. */
export function kindOfPluginToken(token: string): KindName | undefined {
  return KIND_NAMES.find((name) => pluginToken(KINDS[name]) === token);
}

/**
 * Whether the plugin fills in the argument from the resource's name when a program leaves it out, as
 * the TypeScript classes do for the name of a group.
 */
export function defaultsToResourceName(kind: KindName, argument: string): boolean {
  return KINDS[kind].role === "group" && argument === "name";
}

function resourceSpec(kind: KindName, types: TypeSpecs): ResourceSpec {
  const spec = KINDS[kind];
  const token = pluginToken(spec);
  const args = argumentsJsonSchema(kind);
  const inputs = propertiesOf(args, token, types);
  for (const field of REPLACE_ON[kind]) {
    const input = inputs[field];
    if (input === undefined) throw new Error(`${token}: replaces on ${field}, which is no argument`);
    input.replaceOnChanges = true;
  }
  if (inputs.name !== undefined && defaultsToResourceName(kind, "name")) {
    inputs.name.description = `${inputs.name.description ?? ""} Defaults to the resource's name.`.trim();
  }
  const outputs: Record<string, PropertySpec> = {};
  for (const name of kindOutputs(kind)) {
    const output = OUTPUTS[name];
    if (output === undefined)
      throw new Error(`${token}: output ${name} has no schema in plugin/schema/outputs.ts`);
    if ("sameAs" in output) {
      const same = inputs[output.sameAs];
      if (same === undefined)
        throw new Error(`${token}: output ${name} is like ${output.sameAs}, no argument`);
      const { replaceOnChanges: _replace, ...like } = same;
      outputs[name] = { ...like, description: output.description };
    } else {
      outputs[name] = { ...output };
    }
  }
  const requiredInputs = (Array.isArray(args.required) ? (args.required as string[]) : []).filter(
    (field) => !defaultsToResourceName(kind, field),
  );
  const required = [...requiredInputs, ...kindOutputs(kind).filter((name) => name === "groupId")];
  return {
    description: spec.description,
    // The state holds every argument as check() normalized it, and the outputs beside them.
    properties: { ...inputs, ...outputs },
    // Empty lists are left out, as the CLI leaves them out when it prints a schema.
    ...(required.length > 0 ? { required } : {}),
    inputProperties: inputs,
    ...(requiredInputs.length > 0 ? { requiredInputs } : {}),
  };
}

/** Settings whose values are not text; the provider reads every one from its string form. */
const SETTING_TYPES: Partial<Record<SettingKey, PropertySpec["type"]>> = {
  requestTimeoutMs: "integer",
  maxRetries: "integer",
  allowInsecureHttp: "boolean",
  verifyCredentials: "boolean",
};

/**
 * A setting as config and provider argument, from the contracts' table of settings. No
 * `defaultInfo`: generated SDKs would read the environment in the program and put a credential into
 * the provider's inputs, so into the state; the plugin reads the same variables itself, as the
 * dynamic provider does.
 */
function settingSpec(key: SettingKey, setting: SettingContract): PropertySpec {
  const env = `Else the environment variable ${setting.env.join(" or ")}`;
  const fallback = setting.default === undefined ? "." : `, else ${setting.default}.`;
  const spec: PropertySpec = {
    type: SETTING_TYPES[key] ?? "string",
    description: `${setting.description} ${env}${fallback}`,
  };
  if (setting.secret) spec.secret = true;
  return spec;
}

/** Every setting, and the named connections (an object, or its JSON), which may hold credentials. */
function configSpecs(): Record<string, PropertySpec> {
  const settings = Object.entries(SETTINGS) as [SettingKey, SettingContract][];
  return {
    ...Object.fromEntries(settings.map(([key, setting]) => [key, settingSpec(key, setting)])),
    [CONNECTIONS_SETTING.key]: {
      $ref: "pulumi.json#/Any",
      description: `${CONNECTIONS_SETTING.description} Else the environment variable ${CONNECTIONS_SETTING.env}.`,
      secret: true,
    },
  };
}

/** The whole package schema for `version`. */
export function packageSchema(version: string): PackageSchema {
  const types: TypeSpecs = {};
  const resources = Object.fromEntries(
    KIND_NAMES.map((kind) => [pluginToken(KINDS[kind]), resourceSpec(kind, types)]),
  );
  const settings = configSpecs();
  return {
    name: PACKAGE,
    displayName: "Resource Groups",
    version,
    description:
      "Resource groups at Huawei Cloud Eye (CES), Cloudflare IAM, Strongly FinOps and ZopNight: declare the groups your platform monitors, scopes, bills and schedules.",
    keywords: ["pulumi", "resource-groups", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    meta: { moduleFormat: "(.*)" },
    config: { variables: settings },
    provider: {
      description: "Endpoints and credentials of the vendors, one set per provider instance.",
      inputProperties: settings,
    },
    resources,
    functions: functionSpecs(PACKAGE),
    types,
    language: {
      nodejs: { packageName: "pulumi-resource-groups-sdk", respectSchemaVersion: true },
      python: { packageName: "pulumi_resource_groups", respectSchemaVersion: true },
      go: {
        importBasePath: "github.com/pulumi-resource-groups/sdk/go/resourcegroups",
        respectSchemaVersion: true,
      },
    },
  };
}
