/** Rules for a TagRule's arguments. */
import { z } from "zod";
import { tagKey, tagValue } from "./ces/fields";
import { groupId } from "./groupMember";

export const tagRuleArgs = z.object({ groupId, key: tagKey, value: tagValue.default("") });

export type TagRuleInputs = z.output<typeof tagRuleArgs>;
