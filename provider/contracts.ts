/**
 * Every vendor's field rules (zod schemas, limits and key formats), published as
 * `pulumi-resource-groups/contracts`. The provider's check(), the emulator's request validation and the
 * policy pack all use these, so they cannot disagree about what is valid.
 */
export * as ces from "./vendors/ces/contracts";
export * as cloudflare from "./vendors/cloudflare/contracts";
export * as strongly from "./vendors/strongly/contracts";
export * as zopnight from "./vendors/zopnight/contracts";
