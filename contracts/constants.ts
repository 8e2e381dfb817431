/**
 * `pulumi-resource-groups-contracts/constants`: every vendor's plain values (limits, enumerations,
 * patterns), without the schema library, for code that must stay light: the provider's resource
 * classes and the type declarations users compile against.
 */
export * as ces from "./vendors/ces/constants";
export * as cloudflare from "./vendors/cloudflare/constants";
export * as strongly from "./vendors/strongly/constants";
export * as zopnight from "./vendors/zopnight/constants";

export { repeatedMembers } from "./core/members";

/** The string Pulumi passes for a value not known yet during a preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
