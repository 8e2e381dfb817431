/**
 * A TagRule owns one tag of a TAG group. It changes the group through the group update, under the
 * group's lock, touching only its own tag so the group's declared tags and other rules stay.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "../backends/backend";
import { hasTag, replaceOwnedTags } from "../backends/tags";
import { ConflictError } from "../http/errors";
import { tagRuleArgs } from "../schemas/tagRule";
import { checkWith } from "./checkResult";
import { decide } from "./compare";
import { withGroupLock } from "./locks";
import { backend } from "./settings";
import { requireGroupOfType } from "./targetGroup";

export interface TagRuleState extends Tag {
  groupId: string;
}

const tagOf = (state: TagRuleState): Tag => ({ key: state.key, value: state.value });

/** Another writer outside this process can still overwrite the tag; a few re-reads catch that. */
const WRITE_ATTEMPTS = 3;

async function swapTag(groupId: string, before: Tag | undefined, after: Tag): Promise<void> {
  const api = backend();
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

export const tagRuleHandler: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check(_olds, news) {
    return Promise.resolve(checkWith(tagRuleArgs, news as Record<string, unknown>, (v) => ({ ...v })));
  },

  diff(_id, olds: TagRuleState, news: TagRuleState) {
    const changed = {
      groupId: olds.groupId !== news.groupId,
      key: olds.key !== news.key,
      value: olds.value !== news.value,
    };
    return Promise.resolve(decide(changed, ["groupId"], false));
  },

  async create(inputs: TagRuleState) {
    await withGroupLock(inputs.groupId, () => swapTag(inputs.groupId, undefined, tagOf(inputs)));
    return { id: `${inputs.groupId}/${inputs.key}=${inputs.value}`, outs: { ...inputs } };
  },

  async read(id, props: TagRuleState) {
    const group = await backend().getGroup(props.groupId);
    const present = group !== undefined && hasTag(group.tags, tagOf(props));
    return present ? { id, props } : { id: "", props: {} };
  },

  async update(_id, olds: TagRuleState, news: TagRuleState) {
    await withGroupLock(news.groupId, () => swapTag(news.groupId, tagOf(olds), tagOf(news)));
    return { outs: { ...news } };
  },

  delete(_id, props: TagRuleState) {
    return withGroupLock(props.groupId, async () => {
      const api = backend();
      const group = await api.getGroup(props.groupId);
      if (!group || !hasTag(group.tags, tagOf(props))) return;
      const tags = group.tags.filter((t) => !(t.key === props.key && t.value === props.value));
      // A TAG group needs at least one tag; the last one stays until the group itself is deleted.
      if (tags.length === 0) return;
      await api.updateGroup(props.groupId, { name: group.name, tags });
    });
  },
};
