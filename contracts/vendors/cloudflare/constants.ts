/**
 * Plain values of the cloudflare contract: limits, enumerations, patterns and key formats (docs/vendors/cloudflare.md).
 * Free of any schema library, so that resource classes and public type declarations can use them.
 */
export const CLOUDFLARE_LIMITS = { nameMax: 255, scopeObjectsMin: 1, scopeObjectsMax: 100 } as const;

/** Account, group and zone ids: 32 lowercase hexadecimal characters. */
export const HEX32 = /^[0-9a-f]{32}$/;
export const ACCOUNT_KEY_PREFIX = "com.cloudflare.api.account.";
export const ZONE_KEY_PREFIX = "com.cloudflare.api.account.zone.";
/** The scope object key that stands for every resource of the account. */
export const ALL_OBJECTS = "*";

/** The scope key of an account: `com.cloudflare.api.account.<account id>`. */
export function accountKey(accountId: string): string {
  return ACCOUNT_KEY_PREFIX + accountId;
}

/** The scope object key of a zone: `com.cloudflare.api.account.zone.<zone id>`. */
export function zoneKey(zoneId: string): string {
  return ZONE_KEY_PREFIX + zoneId;
}

/** The zone id of a well-formed zone key, or undefined for `*` and anything else. */
export function zoneIdOfKey(key: string): string | undefined {
  if (!key.startsWith(ZONE_KEY_PREFIX)) return undefined;
  const id = key.slice(ZONE_KEY_PREFIX.length);
  return HEX32.test(id) ? id : undefined;
}

/** Every account has one group it cannot change, named after its scope key. */
export function builtInGroupName(accountId: string): string {
  return accountKey(accountId);
}
