/**
 * Pulumi programs (index.ts text) for the end-to-end tests, generated from short declarations so
 * each test states only what it changes.
 */

export interface TagDecl {
  key: string;
  value?: string;
}

export interface GroupArgs {
  name?: string;
  type?: "Manual" | "TAG" | "EPS";
  tags?: TagDecl[];
  associationEpIds?: string[];
  enterpriseProjectId?: string;
  adopt?: boolean;
}

export interface DimensionDecl {
  name: string;
  value: string;
}

export type Decl =
  | { kind: "group"; resource: string; args: GroupArgs }
  | { kind: "member"; resource: string; group: string; namespace: string; dimensions: DimensionDecl[] }
  | { kind: "tagRule"; resource: string; group: string; key: string; value: string };

/** A ResourceGroup; `resource` is its logical name in the stack. */
export const group = (resource: string, args: GroupArgs = {}): Decl => ({ kind: "group", resource, args });

/** A GroupMember of the group declared as `group`, one SYS.ECS instance by default. */
export const member = (resource: string, group: string, instanceId: string, namespace = "SYS.ECS"): Decl => ({
  kind: "member",
  resource,
  group,
  namespace,
  dimensions: [{ name: "instance_id", value: instanceId }],
});

/** A TagRule on the group declared as `group`. */
export const tagRule = (resource: string, group: string, key: string, value: string): Decl => ({
  kind: "tagRule",
  resource,
  group,
  key,
  value,
});

const IMPORTS = `import { GroupMember, ResourceGroup, TagRule } from "pulumi-resource-groups";\n`;

/** A program declaring these resources, in order; members and rules refer to their group's groupId. */
export function program(...decls: Decl[]): string {
  const vars = new Map<string, string>();
  const groupVar = (name: string): string => {
    const found = vars.get(name);
    if (!found) throw new Error(`group ${name} must be declared before what refers to it`);
    return found;
  };
  const lines = decls.map((decl, i) => {
    const resource = JSON.stringify(decl.resource);
    switch (decl.kind) {
      case "group": {
        const v = `group${i}`;
        vars.set(decl.resource, v);
        return `const ${v} = new ResourceGroup(${resource}, ${JSON.stringify(decl.args)});`;
      }
      case "member": {
        const args = `{ groupId: ${groupVar(decl.group)}.groupId, namespace: ${JSON.stringify(decl.namespace)}, dimensions: ${JSON.stringify(decl.dimensions)} }`;
        return `new GroupMember(${resource}, ${args});`;
      }
      case "tagRule": {
        const args = `{ groupId: ${groupVar(decl.group)}.groupId, key: ${JSON.stringify(decl.key)}, value: ${JSON.stringify(decl.value)} }`;
        return `new TagRule(${resource}, ${args});`;
      }
    }
  });
  return `${IMPORTS}\n${lines.join("\n")}\n`;
}

const SCALE_GROUP_PREFIX = "scale-group-";
const SCALE_INSTANCE_PREFIX = "i-scale-";

/** The name of group `g` in the scale program. */
export const scaleGroupName = (g: number): string => `${SCALE_GROUP_PREFIX}${g}`;

/** The instance id of member `m` of group `g` in the scale program. */
export const scaleInstanceId = (g: number, m: number): string => `${SCALE_INSTANCE_PREFIX}${g}-${m}`;

/**
 * `groups` Manual groups with `membersPerGroup` SYS.ECS members each, written as loops so the
 * program stays small however many resources it declares.
 */
export function scaleProgram(groups: number, membersPerGroup: number): string {
  return `${IMPORTS}
for (let g = 0; g < ${groups}; g++) {
  const group = new ResourceGroup("group-" + g, { name: "${SCALE_GROUP_PREFIX}" + g });
  for (let m = 0; m < ${membersPerGroup}; m++) {
    new GroupMember("member-" + g + "-" + m, {
      groupId: group.groupId,
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "${SCALE_INSTANCE_PREFIX}" + g + "-" + m }],
    });
  }
}
`;
}
