/**
 * Quickstart: resource groups at several vendors from one program. Each file shows one vendor; copy
 * the ones you use. Settings (endpoints, accounts, tokens) come from the stack config: see README.md.
 */
export * from "./ces";
export * from "./cloudflare";
