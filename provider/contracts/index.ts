/**
 * `pulumi-resource-groups/contracts`: kept for policy code and tools written against 0.2.0. The rules
 * live in the package pulumi-resource-groups-contracts, which this re-exports whole.
 */
export * from "pulumi-resource-groups-contracts";
