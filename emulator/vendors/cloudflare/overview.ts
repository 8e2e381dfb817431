/**
 * Cloudflare groups for the overview page. A Cloudflare group has no member list: its scope objects
 * (zones, or `*` for the whole account) are what it holds, so they are shown as its members.
 */
import { ALL_OBJECTS, zoneIdOfKey } from "pulumi-resource-groups-contracts/cloudflare";
import type { VendorOverview } from "../../core/overview";
import type { SqlDatabase } from "../../core/sqlite";

interface GroupRow {
  account_id: string;
  id: string;
  name: string;
  scope_objects: string;
  built_in: number;
}

function objectMember(key: string): { name: string; detail?: string } {
  if (key === ALL_OBJECTS) return { name: "the whole account", detail: key };
  const zone = zoneIdOfKey(key);
  return zone === undefined ? { name: key } : { name: `zone ${zone}` };
}

export function cloudflareOverview(db: SqlDatabase): Omit<VendorOverview, "vendor"> {
  const rows = db.prepare<[], GroupRow>("SELECT * FROM cloudflare_groups ORDER BY seq").all();
  return {
    title: "Cloudflare IAM",
    groups: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.built_in === 1 ? "built-in" : undefined,
      // The scope key is always the account's own (com.cloudflare.api.account.<id>).
      scopes: [`account ${row.account_id}`],
      tags: [],
      members: (JSON.parse(row.scope_objects) as string[]).map(objectMember),
    })),
  };
}
