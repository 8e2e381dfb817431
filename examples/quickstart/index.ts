/**
 * Quickstart: resource groups at all four vendors from one program. Each file shows one vendor; copy
 * the ones you use. Settings (endpoints, accounts, tokens) come from the stack config: see README.md.
 */
export * from "./ces";
export * from "./cloudflare";
export * from "./strongly";
export * from "./zopnight";
