/**
 * The Pulumi programs the engine bench runs: N CES groups with M members each, on this package
 * ("ours") and on an inline no-op dynamic provider of the same graph ("floor": what the engine costs
 * with no API behind it).
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
