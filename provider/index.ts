/**
 * pulumi-resource-groups: cloud resource groups as Pulumi resources, at four vendors.
 *
 * Each vendor has its own namespace of typed resources:
 * `import { ces, cloudflare } from "pulumi-resource-groups"`, then `new cloudflare.ResourceGroup(...)`.
 * The top-level `ResourceGroup`, `GroupMember` and `TagRule` are the Huawei Cloud Eye (CES) classes,
 * as in the first releases, and so is every later CES class (`GroupMembers`). Settings come from the
 * stack config namespace `resourcegroups` or the environment; see the README for each vendor's keys.
 */
export * as ces from "./vendors/ces";
export * as cloudflare from "./vendors/cloudflare";
export * as strongly from "./vendors/strongly";
export * as zopnight from "./vendors/zopnight";
export * from "./vendors/ces";
export * from "./core/errors";
export * from "./core/http/errors";
export { LookupError } from "./core/lookup";
