/** `pulumi-resource-groups/contracts/zopnight`, kept for code written against 0.2.0. */
export * from "pulumi-resource-groups-contracts/zopnight";
