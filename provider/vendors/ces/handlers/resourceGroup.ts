/** create/read/diff/update/delete of a CES ResourceGroup. */
import type * as pulumi from "@pulumi/pulumi";
import { checkArgs } from "../../../core/check";
import { createByName } from "../../../core/createByName";
import { decide, sameSet } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError, PartialCreateError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { BadRequestError } from "../../../core/http/errors";
import { withLock } from "../../../core/locks";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import type { Group, GroupSpec, Tag } from "pulumi-resource-groups-contracts/ces";
import { cesApi } from "../settings";
import { replaceOwnedTags, sameTag, sameTags } from "../tags";
import { GET_TARGETS, inProject } from "./get";
import { sameProject } from "./project";
import type { ResourceGroupInputs } from "pulumi-resource-groups-contracts/ces";
import { cesSchemas } from "../schemas";

/** Inputs after check(): every default filled in, tags and EP ids only where the type uses them. */
export interface ResourceGroupState extends GroupSpec {
  adopt: boolean;
  /** Present only when the resource names its own project (states of earlier releases have none). */
  projectId?: string;
}

export interface ResourceGroupOutputs extends ResourceGroupState {
  groupId: string;
  createTime: number;
}

export function normalizeGroup(args: ResourceGroupInputs): ResourceGroupState {
  return {
    ...(args.projectId === undefined ? {} : { projectId: args.projectId }),
    name: args.name,
    type: args.type,
    tags: args.type === "TAG" ? (args.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? "" })) : [],
    associationEpIds: args.type === "EPS" ? (args.associationEpIds ?? []) : [],
    enterpriseProjectId: args.enterpriseProjectId,
    adopt: args.adopt,
  };
}

function outputs(state: ResourceGroupState, group: Group, declaredTags: Tag[]): ResourceGroupOutputs {
  return {
    ...(state.projectId === undefined ? {} : { projectId: state.projectId }),
    name: group.name,
    type: group.type,
    tags: declaredTags,
    associationEpIds: group.associationEpIds,
    enterpriseProjectId: group.enterpriseProjectId,
    adopt: state.adopt,
    groupId: group.id,
    createTime: group.createTime,
  };
}

/**
 * The declared tags as the group holds them now. Tags with other keys belong to TagRules or to
 * someone else and are left out, so they never show as drift.
 */
function declaredTagsOnGroup(declared: Tag[], group: Group): Tag[] {
  return declared.flatMap((tag) => {
    const exact = group.tags.find((t) => sameTag(t, tag));
    const sameKey = group.tags.find((t) => t.key === tag.key);
    const found = exact ?? sameKey;
    return found ? [found] : [];
  });
}

function adoptionConflicts(group: Group, spec: GroupSpec): string[] {
  const problems: string[] = [];
  if (group.type !== spec.type) problems.push(`its type is ${group.type}, the program declares ${spec.type}`);
  if (group.enterpriseProjectId !== spec.enterpriseProjectId) {
    problems.push(
      `its enterprise project is '${group.enterpriseProjectId}', the program declares '${spec.enterpriseProjectId}'`,
    );
  }
  if (!sameSet(group.associationEpIds, spec.associationEpIds)) {
    problems.push("its associationEpIds differ from the program's");
  }
  return problems;
}

async function adopt(group: Group, state: ResourceGroupState): Promise<pulumi.dynamic.CreateResult> {
  const problems = adoptionConflicts(group, state);
  if (problems.length > 0) {
    throw new ConflictError(
      `Cannot adopt resource group '${group.name}' (${group.id}): ${problems.join("; ")}. ` +
        "These fields cannot change in place; align the program with the group, or delete the group first.",
    );
  }
  const needsTags = state.type === "TAG" && !sameTags(group.tags, state.tags);
  if (needsTags) {
    try {
      await cesApi(state.projectId).updateGroup(group.id, { name: state.name, tags: state.tags });
    } catch (error) {
      // Taken over but not converged: keep it in the stack with what it holds, the next update converges.
      const found = outputs(state, group, declaredTagsOnGroup(state.tags, group));
      throw new PartialCreateError(group.id, { ...found }, error as Error);
    }
  }
  return { id: group.id, outs: outputs(state, group, state.tags) };
}

export const resourceGroupHandler: ResourceHandler = {
  check: checkArgs(
    () => cesSchemas().resourceGroupArgs,
    (v) => ({ ...normalizeGroup(v) }),
  ),

  diff(_id, olds: ResourceGroupOutputs, news: ResourceGroupState) {
    return Promise.resolve(
      decide(
        {
          name: olds.name !== news.name,
          tags: !sameTags(olds.tags ?? [], news.tags),
          type: olds.type !== news.type,
          associationEpIds: !sameSet(olds.associationEpIds, news.associationEpIds),
          enterpriseProjectId: (olds.enterpriseProjectId ?? "0") !== news.enterpriseProjectId,
          projectId: !sameProject(olds.projectId, news.projectId),
        },
        REPLACE_ON.resourceGroup,
        // Names are unique in a project, so the old group must go first.
        true,
      ),
    );
  },

  async create(inputs: ResourceGroupState) {
    const api = cesApi(inputs.projectId);
    // A name in use answers 400 ces.0014 (docs/vendors/ces.md, "Names"): the name is looked up then.
    return createByName({
      lookFirst: inputs.adopt,
      create: () => api.createGroup(inputs),
      mayBeClash: (error) => error instanceof BadRequestError,
      findByName: () => api.findGroupByName(inputs.name),
      createdAtMs: (group) => group.createTime,
      taken: (existing) => {
        if (inputs.adopt) return adopt(existing, inputs);
        throw new ConflictError(
          `A resource group named '${inputs.name}' already exists (${existing.id}, type ${existing.type}). ` +
            "Group names are unique, so it cannot be created again. To manage the existing group from this stack, " +
            "set `adopt: true` on the ResourceGroup: it is then taken over, converged to the declared tags, " +
            "and deleted by `pulumi destroy` like any other resource.",
        );
      },
      made: (group) => ({ id: group.id, outs: outputs(inputs, group, inputs.tags) }),
    });
  },

  async read(id, props: ResourceGroupOutputs) {
    const group = await cesApi(props.projectId).getGroup(id);
    const get = isGetRead(props);
    if (!group && get) throw missingForGet(GET_TARGETS.resourceGroup, id, inProject(props.projectId));
    // An empty id tells the engine the group is gone, so refresh drops it from the stack.
    if (!group) return { id: "", props: {} };
    const state: ResourceGroupState = { ...props, adopt: props.adopt ?? false };
    // A get declares nothing, so every tag of the group is shown.
    const tags = get ? group.tags : declaredTagsOnGroup(props.tags ?? [], group);
    return { id, props: outputs(state, group, tags) };
  },

  update(id, olds: ResourceGroupOutputs, news: ResourceGroupState) {
    const api = cesApi(news.projectId);
    return withLock(api.lockKey(id), async () => {
      let tags: Tag[] | undefined;
      if (news.type === "TAG") {
        const current = await api.getGroup(id);
        if (!current) {
          throw new ConflictError(
            `Resource group '${olds.name}' (${id}) no longer exists; run \`pulumi refresh\` so it is recreated`,
          );
        }
        tags = replaceOwnedTags(current.tags, olds.tags ?? [], news.tags);
        if (tags.length > api.maxTags) {
          throw new ConflictError(
            `tags: resource group '${news.name}' would hold ${tags.length} tags (its own and its TagRules'), ` +
              `more than the ${api.vendor} limit of ${api.maxTags}`,
          );
        }
      }
      await api.updateGroup(id, { name: news.name, tags });
      const outs: ResourceGroupOutputs = {
        ...news,
        associationEpIds: olds.associationEpIds,
        enterpriseProjectId: olds.enterpriseProjectId,
        groupId: id,
        createTime: olds.createTime,
      };
      return { outs };
    });
  },

  async delete(id, props: ResourceGroupOutputs) {
    await cesApi(props.projectId).deleteGroup(id);
  },
};
