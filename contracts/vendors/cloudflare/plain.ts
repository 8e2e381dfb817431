/**
 * `pulumi-resource-groups-contracts/cloudflare/plain`: the cloudflare contract without its schemas (constants, wire
 * shapes and mappings), for code that must not load the schema library, such as the provider's reads
 * and deletes. The vendor's root entry adds the field rules and argument schemas.
 */
export * from "./constants";
export * from "./wire";
