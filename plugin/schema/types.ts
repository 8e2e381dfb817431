/**
 * Pulumi schema property types from the JSON Schemas of the contracts: the same zod schemas check()
 * applies, so a type or a description can only change in one place. Nested objects become named types
 * of the kind's module (`resourcegroups:ces:ResourceGroupTag`).
 */
import type { JsonSchema } from "pulumi-resource-groups-contracts";

/** A property or type spec of the Pulumi package schema (the parts this package uses). */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  default?: unknown;
  secret?: boolean;
  replaceOnChanges?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** The named object types found while converting, by token. */
export type TypeSpecs = Record<string, ObjectTypeSpec>;

const PRIMITIVES = new Set(["string", "integer", "number", "boolean"]);

/** `tags` -> `Tag`, `dimensions` -> `Dimension`: the name of one item of a list property. */
function itemName(property: string): string {
  const singular = property.endsWith("s") ? property.slice(0, -1) : property;
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The Pulumi spec of one JSON Schema. `typeToken` names the object type made if `schema` is an
 * object with properties. Fails on a form the schema language has no way to say, rather than
 * guessing: the contracts' schemas use none today.
 */
export function propertySpec(schema: JsonSchema, typeToken: string, types: TypeSpecs): PropertySpec {
  const description = typeof schema.description === "string" ? { description: schema.description } : {};
  // Only a plain value is a default the SDKs can apply; check() applies every default anyway.
  const fallback = ["string", "number", "boolean"].includes(typeof schema.default)
    ? { default: schema.default }
    : {};
  const type = schema.type;
  if (typeof type === "string" && PRIMITIVES.has(type)) {
    return { type: type as PropertySpec["type"], ...description, ...fallback };
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    return { type: "string", ...description, ...fallback };
  }
  if (type === "array") {
    const items = (schema.items ?? {}) as JsonSchema;
    return { type: "array", items: propertySpec(items, typeToken, types), ...description };
  }
  if (type === "object" && typeof schema.properties === "object" && schema.properties !== null) {
    types[typeToken] = objectTypeSpec(schema, typeToken, types);
    return { $ref: `#/types/${typeToken}`, ...description };
  }
  if (type === "object") return { $ref: "pulumi.json#/Any", ...description };
  throw new Error(`no Pulumi schema type for ${typeToken}: ${JSON.stringify(schema)}`);
}

/** The named object type of a JSON Schema object: its properties, each converted, and its required ones. */
export function objectTypeSpec(schema: JsonSchema, typeToken: string, types: TypeSpecs): ObjectTypeSpec {
  const properties = propertiesOf(schema, typeToken, types);
  const required = stringsOf(schema.required);
  return {
    type: "object",
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/** Each property of a JSON Schema object as a Pulumi spec; nested objects named after `parentToken`. */
export function propertiesOf(
  schema: JsonSchema,
  parentToken: string,
  types: TypeSpecs,
): Record<string, PropertySpec> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      propertySpec(property, `${parentToken}${itemName(name)}`, types),
    ]),
  );
}
