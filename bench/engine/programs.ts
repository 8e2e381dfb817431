/**
 * The Pulumi programs the engine bench runs: N CES groups with M members each, on this package
 * ("ours"), on the provider plugin ("plugin", by its type tokens, as a generated SDK declares them),
 * and on an inline no-op dynamic provider of the same graph ("floor": what the engine costs with no
 * API behind it).
 */

export const GROUP_PREFIX = "bench-group-";

const ourGraph = (groups: number, members: number) => `
for (let g = 0; g < ${groups}; g++) {
  const group = new ResourceGroup("group-" + g, { name: "${GROUP_PREFIX}" + g });
  for (let m = 0; m < ${members}; m++) {
    new GroupMember("member-" + g + "-" + m, {
      groupId: group.groupId,
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "i-" + g + "-" + m }],
    });
  }
}
`;

/** Our CES classes, as a user writes them; `members` 0 declares the groups only. */
export function oursProgram(groups: number, members: number): string {
  return `import { GroupMember, ResourceGroup } from "pulumi-resource-groups";\n${ourGraph(groups, members)}`;
}

/**
 * The same graph (same type names, arguments and dependencies) on a provider that makes no call: the
 * engine's own cost. Its outputs repeat its inputs, as a typical dynamic provider's do.
 */
export function floorProgram(groups: number, members: number): string {
  return `import * as pulumi from "@pulumi/pulumi";
import { randomUUID } from "node:crypto";

const noop: pulumi.dynamic.ResourceProvider = {
  async check(_olds, news) { return { inputs: news }; },
  async diff() { return { changes: false }; },
  async create(inputs) { return { id: randomUUID(), outs: inputs }; },
  async read(id, props) { return { id, props }; },
  async delete() {},
};

class ResourceGroup extends pulumi.dynamic.Resource {
  constructor(name: string, args: { name: string }) {
    super(noop, name, { ...args, type: "Manual" }, undefined, "floor", "ResourceGroup");
  }
  get groupId(): pulumi.Output<string> { return this.id; }
}

class GroupMember extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, pulumi.Input<unknown>>) {
    super(noop, name, args, undefined, "floor", "GroupMember");
  }
}
${ourGraph(groups, members)}`;
}

/**
 * The same graph on the provider plugin: resources by the plugin's type tokens, as the generated
 * Node.js SDK registers them (`groupId` asked for as an output), served by whichever
 * `pulumi-resource-resourcegroups` the project's Pulumi.yaml points at.
 */
export function pluginProgram(groups: number, members: number): string {
  return `import * as pulumi from "@pulumi/pulumi";

class ResourceGroup extends pulumi.CustomResource {
  declare readonly groupId: pulumi.Output<string>;
  constructor(name: string, args: { name: string }) {
    super("resourcegroups:ces:ResourceGroup", name, { ...args, groupId: undefined });
  }
}

class GroupMember extends pulumi.CustomResource {
  constructor(name: string, args: Record<string, pulumi.Input<unknown>>) {
    super("resourcegroups:ces:GroupMember", name, args);
  }
}
${ourGraph(groups, members)}`;
}
