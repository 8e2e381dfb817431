import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/tagRule";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";

export interface TagRuleArgs extends ConnectionArgs {
  /** `groupId` of a TAG `ResourceGroup`. Changing it replaces the rule. */
  groupId: pulumi.Input<string>;
  /** Tag key: 1-36 characters of CJK, letters, digits, `_` and `-`. Changes in place. */
  key: pulumi.Input<string>;
  /** Tag value: 0-43 characters of the same set; empty (the default) matches any value. Changes in place. */
  value?: pulumi.Input<string>;
  /**
   * The CES project the rule belongs to, when it is not the configured `resourcegroups:projectId`:
   * give the same one as its group. Changing it replaces the rule.
   */
  projectId?: pulumi.Input<string>;
}

/**
 * One tag-matching rule of a TAG group, managed apart from the group so that teams can add their own
 * rules to a shared group. It coexists with the group's declared `tags`; together they may hold 10.
 */
export class TagRule extends pulumi.dynamic.Resource {
  declare readonly groupId: pulumi.Output<string>;
  declare readonly key: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: TagRuleArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps({ ...args, value: args.value ?? "" }, [
      "groupId",
      "key",
      "value",
      "projectId",
    ]);
    super(provider, name, props, opts, KINDS.tagRule.module, KINDS.tagRule.type);
  }
}
