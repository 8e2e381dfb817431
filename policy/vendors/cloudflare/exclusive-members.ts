/**
 * resource-groups-cloudflare-exclusive-members (stack policy, mandatory): no Cloudflare GroupMember or
 * GroupMembers targets a group of the same stack that is `exclusive` (its `zones` are its whole scope) or
 * `wholeAccount` (its scope is `*`, which stands alone). The provider refuses such a resource at `up`,
 * after the other resources of the run may have been written; this policy stops it at the preview.
 *
 * Only groups of the stack are checked: a member of a group managed elsewhere is left to the provider.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { list } from "../../core/messages";
import { StackGroups } from "../../core/targets";
import type { GroupRef } from "../../core/targets";
import { CLOUDFLARE_VENDOR, isCloudflareMember, isCloudflareMembers } from "./resource-types";
import type { CloudflareGroupView } from "./resource-types";

export const CLOUDFLARE_EXCLUSIVE_MEMBERS = "resource-groups-cloudflare-exclusive-members";

/** What a GroupMember (one zone) or a GroupMembers (every zone) adds to a group's scope. */
const ADDS = {
  GroupMember: { zones: "the zone belongs", none: "none takes GroupMembers" },
  GroupMembers: { zones: "its zones belong", none: "none can have its zones declared by a GroupMembers" },
} as const;
type Kind = keyof typeof ADDS;

/** Why `group` takes no zones from a resource of `kind`; undefined when it does or that is not known yet. */
function refusal({ view }: GroupRef<CloudflareGroupView>, kind: Kind): string | undefined {
  if (view.wholeAccount === true) {
    return "wholeAccount: its scope is the whole account ('*'), which cannot stand beside single zones";
  }
  if (view.exclusive === true) {
    return `exclusive: its 'zones' are its whole scope, so ${ADDS[kind].zones} in its 'zones'`;
  }
  return undefined;
}

export const cloudflareExclusiveMembers: StackValidationPolicy = {
  name: CLOUDFLARE_EXCLUSIVE_MEMBERS,
  description:
    "Cloudflare GroupMember and GroupMembers resources must not target an exclusive or whole-account group: the provider refuses them.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Move the zones into the group's 'zones' and delete the GroupMember or GroupMembers, or make the group neither exclusive nor wholeAccount.",
  configSchema: { properties: {} },
  validateStack: (args, reportViolation) => {
    const members = args.resources.filter(
      (resource) => isCloudflareMember(resource) || isCloudflareMembers(resource),
    );
    if (members.length === 0) {
      args.notApplicable("no Cloudflare GroupMember or GroupMembers resources in the stack");
    }
    const stack = new StackGroups(args.resources, CLOUDFLARE_VENDOR.groups);
    for (const member of members) {
      const kind: Kind = isCloudflareMembers(member) ? "GroupMembers" : "GroupMember";
      const target = stack.targetOf(member);
      const subject = `Cloudflare ${kind} '${member.name}' field groupId`;
      if (target.kind === "group") {
        const why = refusal(target.group, kind);
        if (why !== undefined) {
          reportViolation(
            `${subject} targets Cloudflare ResourceGroup '${target.group.resource.name}', which is ${why}.`,
            member.urn,
          );
        }
      } else if (target.kind === "ambiguous" && target.groups.every((group) => refusal(group, kind))) {
        const names = list(target.groups.map((group) => `'${group.resource.name}'`));
        reportViolation(
          `${subject} is computed from Cloudflare ResourceGroups ${names}, each exclusive or wholeAccount: ${ADDS[kind].none}.`,
          member.urn,
        );
      }
    }
  },
};
