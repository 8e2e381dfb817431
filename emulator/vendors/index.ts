/**
 * Every dialect the emulator serves, in routing order; the first also answers paths no dialect claims.
 * To add a dialect: make a folder here whose index.ts exports `storeDialect({name, prefix, migrations,
 * store, routes, ...})` (see ces/ or cloudflare/), then add it to this list. Options, CLI flags and admin
 * routes follow.
 */
import { ces } from "./ces";
import { cloudflare } from "./cloudflare";
import { strongly } from "./strongly";
import { zopnight } from "./zopnight";

// zopnight serves all of /api/, so it follows strongly, whose /api/v1/finops/ is more specific.
export const DIALECTS = [ces, cloudflare, strongly, zopnight] as const;

export type DialectName = (typeof DIALECTS)[number]["name"];
