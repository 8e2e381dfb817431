/**
 * Strongly FinOps: the costs of the ML platform's training workflow, its serving app and its notebooks
 * roll up into one group, so the platform team is charged for them together.
 */
import { strongly } from "pulumi-resource-groups";

const mlPlatform = new strongly.ResourceGroup("ml-platform", {
  name: "ml-platform",
  description: "Training, serving and notebooks of the ML platform team",
});

const members = [
  {
    name: "nightly-training",
    type: "workflow",
    resourceId: "wf-nightly-training",
    label: "Nightly training",
  },
  { name: "inference-api", type: "app", resourceId: "app-inference-api", label: "Inference API" },
  { name: "research-notebooks", type: "workspace", resourceId: "ws-research", label: "Research notebooks" },
] as const;

for (const member of members) {
  new strongly.GroupMember(member.name, {
    groupId: mlPlatform.groupId,
    type: member.type,
    resourceId: member.resourceId,
    name: member.label,
  });
}

export const stronglyGroups = { mlPlatform: mlPlatform.groupId };
