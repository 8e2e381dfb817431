/**
 * The plugin's package schema agrees with the contracts: a resource per kind under a unique token,
 * every argument a property with the contracts' description and requiredness, replacements marked as
 * the handlers decide them, every output typed, and the provider configuration the contracts'
 * settings, credentials secret.
 */
import { argumentsJsonSchema, kindOutputs } from "../../contracts";
import { KIND_NAMES, KINDS, REPLACE_ON, type KindName } from "../../contracts/kinds";
import {
  defaultsToResourceName,
  kindOfPluginToken,
  packageSchema,
  pluginToken,
} from "../../plugin/schema/packageSchema";
import { CONNECTIONS_SETTING, SETTINGS, type SettingContract } from "../../contracts/settings";
import { lookupToken, vendorOfLookupToken } from "../../plugin/schema/functions";

const schema = packageSchema("1.2.3");

function resourceOf(kind: KindName) {
  const resource = schema.resources[pluginToken(KINDS[kind])];
  if (resource === undefined) throw new Error(`no resource for ${kind}`);
  return resource;
}

function argumentsOf(kind: KindName): {
  properties: Record<string, { description?: string }>;
  required: string[];
} {
  const args = argumentsJsonSchema(kind);
  return {
    properties: args.properties as Record<string, { description?: string }>,
    required: (args.required as string[] | undefined) ?? [],
  };
}

describe("the plugin's package schema", () => {
  test("is package resourcegroups, one module per vendor, a unique token per kind", () => {
    expect(schema.name).toBe("resourcegroups");
    expect(schema.version).toBe("1.2.3");
    const tokens = KIND_NAMES.map((kind) => pluginToken(KINDS[kind]));
    expect(new Set(tokens).size).toBe(KIND_NAMES.length);
    expect(Object.keys(schema.resources).sort()).toEqual([...tokens].sort());
    for (const kind of KIND_NAMES) {
      expect(pluginToken(KINDS[kind])).toBe(`resourcegroups:${KINDS[kind].vendor}:${KINDS[kind].type}`);
      expect(kindOfPluginToken(pluginToken(KINDS[kind]))).toBe(kind);
    }
    expect(pluginToken(KINDS.resourceGroup)).toBe("resourcegroups:ces:ResourceGroup");
    expect(kindOfPluginToken(KINDS.resourceGroup.token)).toBeUndefined();
  });

  test.each(KIND_NAMES)(
    "%s: every argument an input with the contracts' description and requiredness",
    (kind) => {
      const resource = resourceOf(kind);
      const args = argumentsOf(kind);
      expect(resource.description).toBe(KINDS[kind].description);
      expect(Object.keys(resource.inputProperties).sort()).toEqual(Object.keys(args.properties).sort());
      for (const [name, argument] of Object.entries(args.properties)) {
        const input = resource.inputProperties[name];
        const expected = defaultsToResourceName(kind, name)
          ? `${argument.description ?? ""} Defaults to the resource's name.`.trim()
          : argument.description;
        expect({ name, description: input?.description }).toEqual({ name, description: expected });
        // The state holds each argument too.
        expect(resource.properties[name]).toEqual(input);
      }
      expect([...(resource.requiredInputs ?? [])].sort()).toEqual(
        args.required.filter((name) => !defaultsToResourceName(kind, name)).sort(),
      );
    },
  );

  test.each(KIND_NAMES)("%s: replaceOnChanges exactly on the arguments the handler replaces on", (kind) => {
    const resource = resourceOf(kind);
    const marked = Object.entries(resource.inputProperties)
      .filter(([, spec]) => spec.replaceOnChanges === true)
      .map(([name]) => name);
    expect(marked.sort()).toEqual([...REPLACE_ON[kind]].sort());
  });

  test.each(KIND_NAMES)("%s: every output a typed, described property", (kind) => {
    const resource = resourceOf(kind);
    for (const name of kindOutputs(kind)) {
      const output = resource.properties[name];
      expect({ name, typed: output?.type !== undefined || output?.$ref !== undefined }).toEqual({
        name,
        typed: true,
      });
      expect(output?.description).toMatch(/\S/);
      expect(output?.replaceOnChanges).toBeUndefined();
    }
  });

  test("every type a property refers to is declared", () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/types\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const token = ref.slice('"$ref":"#/types/'.length, -1);
      expect({ token, declared: schema.types[token] !== undefined }).toEqual({ token, declared: true });
    }
  });

  test("provider configuration: the contracts' settings and the named connections, credentials secret", () => {
    const variables = schema.config.variables;
    expect(Object.keys(variables).sort()).toEqual([...Object.keys(SETTINGS), CONNECTIONS_SETTING.key].sort());
    expect(schema.provider.inputProperties).toEqual(variables);
    for (const [key, setting] of Object.entries(SETTINGS) as [string, SettingContract][]) {
      const variable = variables[key];
      expect({ key, secret: variable?.secret === true }).toEqual({ key, secret: setting.secret === true });
      expect(variable?.description).toContain(setting.description);
      for (const env of setting.env) expect(variable?.description).toContain(env);
    }
    expect(variables.token?.secret).toBe(true);
    expect(variables.connections?.secret).toBe(true);
  });

  test("a getResourceGroup function per vendor with groups, by name or id, answering id, groupId and name", () => {
    const vendors = [
      ...new Set(KIND_NAMES.filter((k) => KINDS[k].role === "group").map((k) => KINDS[k].vendor)),
    ];
    expect(Object.keys(schema.functions).sort()).toEqual(
      vendors.map((v) => lookupToken("resourcegroups", v)).sort(),
    );
    for (const vendor of vendors) {
      const token = lookupToken("resourcegroups", vendor);
      expect(token).toBe(`resourcegroups:${vendor}:getResourceGroup`);
      expect(vendorOfLookupToken("resourcegroups", token)).toBe(vendor);
      const fn = schema.functions[token];
      expect(fn?.description).toMatch(/\S/);
      expect(Object.keys(fn?.inputs.properties ?? {})).toEqual(expect.arrayContaining(["name", "id"]));
      expect(fn?.outputs.properties).toMatchObject({
        id: { type: "string" },
        groupId: { type: "string" },
        name: { type: "string" },
      });
      expect(fn?.outputs.required.sort()).toEqual(Object.keys(fn?.outputs.properties ?? {}).sort());
      for (const property of [
        ...Object.values(fn?.inputs.properties ?? {}),
        ...Object.values(fn?.outputs.properties ?? {}),
      ]) {
        expect(property.description).toMatch(/\S/);
      }
    }
    expect(vendorOfLookupToken("resourcegroups", "resourcegroups:ces:ResourceGroup")).toBeUndefined();
  });
});
