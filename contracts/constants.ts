/**
 * `pulumi-resource-groups-contracts/constants`: every vendor's plain values (limits, enumerations,
 * patterns), without the schema library, for code that must stay light: the provider's resource
 * classes and the type declarations users compile against.
 */
export * as ces from "./vendors/ces/constants";
export * as cloudflare from "./vendors/cloudflare/constants";
export * as strongly from "./vendors/strongly/constants";
export * as zopnight from "./vendors/zopnight/constants";
