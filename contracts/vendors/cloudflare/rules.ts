/**
 * Field rules of the Cloudflare IAM resource-group API, as docs/vendors/cloudflare.md describes it. The
 * provider's check(), the emulator's request validation and the policy pack all use these schemas, so
 * they cannot disagree. Messages name the rule; the object that contains a field sets its path.
 */
import { z } from "zod";
import { ALL_OBJECTS, CLOUDFLARE_LIMITS, HEX32, ZONE_KEY_PREFIX, accountKey, zoneIdOfKey } from "./constants";
import { charLength } from "../../core/text";

// U+0000-U+001F and U+007F.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A string field whose missing and mistyped cases have their own messages. */
function text(what: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`),
  });
}

function hex32(what: string) {
  return text(what).regex(HEX32, { error: `${what} must be 32 lowercase hexadecimal characters` });
}

export const accountId = hex32("account id");
export const groupId = hex32("resource group id");
export const zoneId = hex32("zone id");

export const groupName = text("name")
  .min(1, { error: "name must not be empty" })
  .refine((v) => charLength(v) <= CLOUDFLARE_LIMITS.nameMax, {
    error: (issue) =>
      `name must have at most ${CLOUDFLARE_LIMITS.nameMax} characters (got ${charLength(String(issue.input))})`,
  })
  .refine((v) => !CONTROL_CHARACTER.test(v), {
    error: "name must not contain control characters (U+0000-U+001F, U+007F)",
  })
  .refine((v) => !v.startsWith(" ") && !v.endsWith(" "), {
    error: "name must not start or end with a space",
  });

export type CloudflareGroupName = z.infer<typeof groupName>;

/** The scope key a group of this account must carry. */
export function scopeKey(accountIdValue: string) {
  const expected = accountKey(accountIdValue);
  return text("scope key").refine((v) => v === expected, {
    error: `scope key must be '${expected}' (the account's own key)`,
  });
}

export const scopeObjectKey = text("scope object key").refine(
  (v) => v === ALL_OBJECTS || zoneIdOfKey(v) !== undefined,
  {
    error: (issue) =>
      `scope object key must be '${ALL_OBJECTS}' or '${ZONE_KEY_PREFIX}<zone id>' with a zone id of 32 ` +
      `lowercase hexadecimal characters (got '${String(issue.input)}')`,
  },
);

export type ScopeObjectKey = z.infer<typeof scopeObjectKey>;

const { scopeObjectsMin: MIN, scopeObjectsMax: MAX } = CLOUDFLARE_LIMITS;

/** The keys of a group's scope objects: 1-100, distinct, each `*` or a zone key, `*` only alone. */
export const scopeObjectKeys = z
  .array(scopeObjectKey, { error: "scope objects must be a list" })
  .min(MIN, { error: `scope objects must have at least ${MIN} key` })
  .max(MAX, {
    error: (issue) =>
      `scope objects must have at most ${MAX} keys (got ${Array.isArray(issue.input) ? issue.input.length : "?"})`,
  })
  .superRefine((keys, ctx) => {
    const seen = new Set<string>();
    const repeated = new Set<string>();
    // Elements may be of any type here when some failed their own rule; only strings can repeat.
    for (const key of keys) if (typeof key === "string") (seen.has(key) ? repeated : seen).add(key);
    for (const key of repeated) {
      ctx.addIssue({
        code: "custom",
        message: `scope objects must be distinct ('${key}' appears more than once)`,
      });
    }
    if (seen.has(ALL_OBJECTS) && seen.size > 1) {
      ctx.addIssue({
        code: "custom",
        message: `scope object '${ALL_OBJECTS}' (the whole account) must stand alone, not beside other keys`,
      });
    }
  });

export { charLength };

export * from "./constants";
