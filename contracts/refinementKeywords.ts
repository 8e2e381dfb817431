/**
 * The rules zod checks with refinements (lengths counted in characters, charsets, trimming), said in
 * JSON Schema keywords: zod cannot see inside a refinement, so without these the generated schemas would
 * omit them. Each entry names the rule schema it stands for; jsonSchema.test.ts probes every entry with
 * the same strings through zod and through its keywords, so an entry that says more or less than its
 * rule fails there. Where the keywords can say only part of a rule, the entry names the rest, and the
 * keywords must then never refuse what the rule accepts.
 *
 * JSON Schema counts `minLength`/`maxLength` in characters (code points), as `charLength` does, and its
 * patterns are ECMA-262 regular expressions, as these are.
 */
import type { z } from "zod";
import * as ces from "./vendors/ces/rules";
import * as cloudflare from "./vendors/cloudflare/rules";
import * as strongly from "./vendors/strongly/rules";
import * as zopnight from "./vendors/zopnight/rules";
import { resourceRef } from "./vendors/zopnight/args";

export interface StringKeywords {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** Some character that is not white space: what "not empty once trimmed" means. */
const NOT_BLANK = "\\S";
/** Cloudflare names: no control character anywhere, no space at either end. */
const CLOUDFLARE_NAME =
  "^[^\\u0000-\\u001f\\u007f ](?:[^\\u0000-\\u001f\\u007f]*[^\\u0000-\\u001f\\u007f ])?$";

const cesText = (minLength: 0 | 1, maxLength: number): StringKeywords => ({
  ...(minLength > 0 ? { minLength } : {}),
  maxLength,
  pattern: ces.NAME_CHARSET.source,
});

export interface Refinement {
  keywords: StringKeywords;
  /** The part of the rule no keyword can say, left to check() and to the argument's description. */
  leftToCheck?: string;
}

const TRIMMED_NAME: Refinement = {
  keywords: { pattern: NOT_BLANK },
  leftToCheck: "the length limit, which applies after trimming",
};

export const REFINEMENTS: ReadonlyMap<z.ZodType, Refinement> = new Map<z.ZodType, Refinement>([
  [ces.groupName, { keywords: cesText(1, ces.CES_LIMITS.groupNameMax) }],
  [ces.tagKey, { keywords: cesText(1, ces.CES_LIMITS.tagKeyMax) }],
  [ces.tagValue, { keywords: cesText(0, ces.CES_LIMITS.tagValueMax) }],
  [ces.dimensionValue, { keywords: { maxLength: ces.CES_LIMITS.dimensionValueMax } }],
  [
    cloudflare.groupName,
    { keywords: { maxLength: cloudflare.CLOUDFLARE_LIMITS.nameMax, pattern: CLOUDFLARE_NAME } },
  ],
  [strongly.groupName, TRIMMED_NAME],
  [strongly.description, { keywords: { maxLength: strongly.STRONGLY_LIMITS.descriptionMax } }],
  [
    strongly.resourceId,
    {
      keywords: {
        minLength: 1,
        maxLength: strongly.STRONGLY_LIMITS.resourceIdMax,
        pattern: strongly.RESOURCE_ID.source,
      },
    },
  ],
  [strongly.memberName, { keywords: { minLength: 1, maxLength: strongly.STRONGLY_LIMITS.memberNameMax } }],
  [zopnight.groupName, TRIMMED_NAME],
  [zopnight.groupDescription, { keywords: { maxLength: zopnight.ZOPNIGHT_LIMITS.descriptionMax } }],
  [resourceRef, { keywords: { minLength: 1, pattern: "^\\S(?:[\\s\\S]*\\S)?$" } }],
]);

/**
 * The keywords of a schema or of the schema it was derived from: `.describe()` and `.meta()` make a
 * copy whose parent is the original rule.
 */
export function refinementKeywords(schema: z.core.$ZodType): StringKeywords | undefined {
  for (let s: z.core.$ZodType | undefined = schema; s !== undefined; s = s._zod.parent) {
    const refinement = REFINEMENTS.get(s as z.ZodType);
    if (refinement !== undefined) return refinement.keywords;
  }
  return undefined;
}
