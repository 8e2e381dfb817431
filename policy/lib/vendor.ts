/**
 * The vendor's (Huawei Cloud Eye v2) field rules the policies repeat, with the vendor's wording.
 *
 * The pack is self-contained (it is loaded on its own by the Pulumi CLI and may be published without the
 * rest of the repository), so these are copies of `provider/schemas/ces/fields.ts`; `vendor.test.ts`
 * fails as soon as the two disagree.
 */
export const VENDOR_LIMITS = {
  groupNameMax: 128,
  /** Tag-matching rules per TAG group: the group's own `tags` plus its TagRules. */
  tagsMax: 10,
  tagKeyMax: 36,
  tagValueMax: 43,
} as const;

/** CJK unified ideographs, ASCII letters, digits, `_` and `-`: the charset of names, tag keys and values. */
export const NAME_CHARSET = /^[\u4E00-\u9FFFA-Za-z0-9_-]*$/;
export const NAME_CHARSET_RULE = "only CJK characters, letters, digits, '_' and '-'";

/** Counts code points, so a CJK name of 128 characters is 128, whatever its UTF-16 length. */
export function charLength(value: string): number {
  return [...value].length;
}

function textErrors(what: string, value: string, min: number, max: number): string[] {
  const errors: string[] = [];
  const length = charLength(value);
  if (length < min) {
    errors.push(min === 1 ? `${what} must not be empty` : `${what} must have at least ${min} characters`);
  }
  if (length > max) {
    errors.push(`${what} must have at most ${max} characters (got ${length})`);
  }
  if (!NAME_CHARSET.test(value)) {
    errors.push(`${what} may contain ${NAME_CHARSET_RULE}`);
  }
  return errors;
}

/** The vendor's messages for an invalid group name; empty when the name is valid. */
export function groupNameErrors(name: string): string[] {
  return textErrors("group name", name, 1, VENDOR_LIMITS.groupNameMax);
}

export function tagKeyErrors(key: string): string[] {
  return textErrors("tag key", key, 1, VENDOR_LIMITS.tagKeyMax);
}

export function tagValueErrors(value: string): string[] {
  return textErrors("tag value", value, 0, VENDOR_LIMITS.tagValueMax);
}
