/**
 * Plain values of the zopnight contract: limits, enumerations, patterns and key formats (docs/vendors/zopnight.md).
 * Free of any schema library, so that resource classes and public type declarations can use them.
 */
export const ZOPNIGHT_LIMITS = {
  nameMax: 100,
  descriptionMax: 500,
  tierCount: 10,
  orderMin: 1,
  orderMax: 1000,
  listLimitMax: 100,
  listLimitDefault: 20,
  listPageDefault: 1,
} as const;

export const CLOUD_PROVIDERS = ["aws", "gcp", "azure"] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** The tiers a member can be in, `tier-1` (started first) to `tier-10`. */
export const TIERS = Array.from({ length: ZOPNIGHT_LIMITS.tierCount }, (_, i) => `tier-${i + 1}`);
/** Where a new member lands: tier-1, after the highest order already there. */
export const DEFAULT_TIER = "tier-1";

export const GROUP_ID = /^grp_[a-z0-9]{12}$/;
export const RESOURCE_ID = /^res_[A-Za-z0-9]+$/;
/** `tier-1` to `tier-10`, capturing the number. */
export const TIER_PATTERN = /^tier-([1-9]|10)$/;

/** The position of a tier in start order (tier-3 -> 3), for sorting. */
export function tierNumber(tier: string): number {
  const match = TIER_PATTERN.exec(tier);
  return match ? Number(match[1]) : Number.NaN;
}

export function isResourceId(value: string): boolean {
  return RESOURCE_ID.test(value);
}

/**
 * What is wrong with a resource reference (a ZopNight id `res_...` or a cloud UID), or undefined when
 * nothing is: the one rule for the member argument's schema and for `StartupSequence`'s tiers, which
 * the program process checks without loading the schema library.
 */
export function resourceRefProblem(value: unknown): string | undefined {
  if (value === undefined) return "resource is required";
  if (typeof value !== "string") return "resource must be a string";
  if (value.trim().length === 0) return "resource must not be empty";
  if (value.trim() !== value) return "resource must not start or end with spaces";
  return undefined;
}
