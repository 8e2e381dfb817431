/**
 * A TagRule owns one tag of a TAG group. It changes the group through the group update, under the
 * group's lock, touching only its own tag so the group's declared tags and other rules stay.
 */
import { checkArgs } from "../../../core/check";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { withLock } from "../../../core/locks";
import { writeUntilSettled } from "../../../core/settle";
import type { Tag } from "pulumi-resource-groups-contracts/ces";
import type { CesApi } from "../api";
import { cesApi } from "../settings";
import { hasTag, replaceOwnedTags } from "../tags";
import { GET_TARGETS, inProject, tagFromId } from "./get";
import { sameProject } from "./project";
import { requireGroupOfType } from "./targetGroup";
import { cesSchemas } from "../schemas";

export interface TagRuleState extends Tag {
  groupId: string;
  projectId?: string;
}

const tagOf = (state: TagRuleState): Tag => ({ key: state.key, value: state.value });

/** Another writer outside this process can still overwrite the tag; a few re-reads catch that. */
const WRITE_ATTEMPTS = 3;

/** Runs `work` under the lock of the rule's group. */
function underGroupLock<T>(state: TagRuleState, work: (api: CesApi) => Promise<T>) {
  const api = cesApi(state.projectId);
  return withLock(api.lockKey(state.groupId), () => work(api));
}

async function swapTag(api: CesApi, groupId: string, before: Tag | undefined, after: Tag): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const group = await requireGroupOfType(
      api,
      groupId,
      "TAG",
      "TagRule",
      "Only TAG groups match members by tag.",
    );
    if (hasTag(group.tags, after) && (!before || !hasTag(group.tags, before))) return;
    const tags = replaceOwnedTags(group.tags, before ? [before] : [], [after]);
    if (tags.length > api.maxTags) {
      throw new ConflictError(
        `key: resource group '${group.name}' (${groupId}) already holds ${group.tags.length} tags, ` +
          `the ${api.vendor} limit is ${api.maxTags}; tag ${after.key}=${after.value} cannot be added`,
      );
    }
    await api.updateGroup(groupId, { name: group.name, tags });
    const check = await api.getGroup(groupId);
    if (!check || hasTag(check.tags, after) || attempt >= WRITE_ATTEMPTS) return;
  }
}

/** The swap, checked again after a wait: another stack's provider may undo it (see core/settle.ts). */
function settledSwap(state: TagRuleState, before: Tag | undefined): Promise<void> {
  const after = tagOf(state);
  return writeUntilSettled(
    `tag ${after.key}=${after.value} of resource group ${state.groupId}`,
    () => underGroupLock(state, (api) => swapTag(api, state.groupId, before, after)),
    async () => {
      const group = await cesApi(state.projectId).getGroup(state.groupId);
      return group !== undefined && hasTag(group.tags, after) && (!before || !hasTag(group.tags, before));
    },
  );
}

/** A get: the group and tag come from the id, in the configured project. */
async function readForGet(id: string) {
  const target = GET_TARGETS.tagRule;
  const found = tagFromId(id);
  if (!found) throw malformedGetId(target, id);
  const group = await cesApi().getGroup(found.groupId);
  if (!group || !hasTag(group.tags, found.tag)) throw missingForGet(target, id, inProject(undefined));
  const state: TagRuleState = { groupId: found.groupId, ...found.tag };
  return { id, props: { ...state } };
}

export const tagRuleHandler: ResourceHandler = {
  check: checkArgs(() => cesSchemas().tagRuleArgs),

  diff(_id, olds: TagRuleState, news: TagRuleState) {
    const changed = {
      ...changedFields(olds, news, ["groupId", "key", "value"]),
      projectId: !sameProject(olds.projectId, news.projectId),
    };
    return Promise.resolve(decide(changed, REPLACE_ON.tagRule, false));
  },

  async create(inputs: TagRuleState) {
    await settledSwap(inputs, undefined);
    return { id: `${inputs.groupId}/${inputs.key}=${inputs.value}`, outs: { ...inputs } };
  },

  async read(id, props: TagRuleState) {
    if (isGetRead(props)) return readForGet(id);
    const group = await cesApi(props.projectId).getGroup(props.groupId);
    const present = group !== undefined && hasTag(group.tags, tagOf(props));
    return present ? { id, props } : { id: "", props: {} };
  },

  async update(_id, olds: TagRuleState, news: TagRuleState) {
    await settledSwap(news, tagOf(olds));
    return { outs: { ...news } };
  },

  delete(_id, props: TagRuleState) {
    const remove = () =>
      underGroupLock(props, async (api) => {
        const group = await api.getGroup(props.groupId);
        if (!group || !hasTag(group.tags, tagOf(props))) return;
        const tags = group.tags.filter((t) => !(t.key === props.key && t.value === props.value));
        // A TAG group needs at least one tag; the last one stays until the group itself is deleted.
        if (tags.length === 0) return;
        await api.updateGroup(props.groupId, { name: group.name, tags });
      });
    return writeUntilSettled(
      `removal of tag ${props.key}=${props.value} from ${props.groupId}`,
      remove,
      async () => {
        const group = await cesApi(props.projectId).getGroup(props.groupId);
        return !group || !hasTag(group.tags, tagOf(props)) || group.tags.length === 1;
      },
    );
  },
};
