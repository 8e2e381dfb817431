/**
 * pulumi-resource-groups-contracts: what the provider, the emulator, the policy pack and the tests
 * agree on, written once. Per vendor (`import { ces } from "pulumi-resource-groups-contracts"`, or the
 * subpath `pulumi-resource-groups-contracts/ces`): field rules and limits, wire shapes of requests,
 * answers and errors, argument schemas. Across vendors: the table of resource kinds and the JSON
 * Schemas generated from it. The API each vendor serves is described in docs/vendors/.
 */
export * as ces from "./vendors/ces";
export * as cloudflare from "./vendors/cloudflare";
export * as strongly from "./vendors/strongly";
export * as zopnight from "./vendors/zopnight";
export * from "./kinds";
export { KIND_ARGS, kindOutputs } from "./kindArgs";
export { argumentsJsonSchema, allArgumentsJsonSchemas, type JsonSchema } from "./jsonSchema";
export { UNKNOWN, argumentNames, outputsOf } from "./core/arguments";
export { charLength } from "./core/text";
export { repeatedMembers } from "./core/members";
