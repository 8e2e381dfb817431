/**
 * The vendors' field rules come from `pulumi-resource-groups/contracts` as zod schemas; the policies only
 * need their verdict and messages, so this is the one place that knows how to ask a schema.
 */

/** A field rule of the contracts: anything with zod's `safeParse`. */
export interface FieldRule {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** The rule's messages for `value`; empty when the value is valid. */
export function ruleErrors(rule: FieldRule, value: unknown): string[] {
  const result = rule.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}
