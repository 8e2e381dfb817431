import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/tagRule";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

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
  /** `groupId` of the TAG `ResourceGroup` whose tag this is. */
  declare readonly groupId: pulumi.Output<string>;
  /** Tag key the rule matches. */
  declare readonly key: pulumi.Output<string>;
  /** Tag value the rule matches; empty matches any value of the key. */
  declare readonly value: pulumi.Output<string>;
  /** The project named by the resource; undefined when it uses the configured one. */
  declare readonly projectId: pulumi.Output<string | undefined>;

  constructor(name: string, args: TagRuleArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet({ ...args, value: args.value ?? "" }, opts), [
      "groupId",
      "key",
      "value",
      "projectId",
    ]);
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.tagRule.module, KINDS.tagRule.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing tag rule with this id into the program without managing it: its outputs are the tag
   * rule as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place.
   * The id is `<groupId>/<key>=<value>`. It is read in the configured `resourcegroups:projectId`. A tag
   * rule that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): TagRule {
    return new TagRule(name, {} as TagRuleArgs, { ...opts, id });
  }
}
