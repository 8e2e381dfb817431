/** `pulumi-resource-groups/contracts/strongly`, kept for code written against 0.2.0. */
export * from "pulumi-resource-groups-contracts/strongly";
