/**
 * A read-only look at what the emulator holds: `GET /` is a page that polls `GET /_emulator/overview`,
 * a JSON summary built from every dialect's `overview()`. Like the admin routes they need no token, are
 * never faulted and never counted; unlike them they change nothing.
 */
import type { ServerResponse } from "node:http";
import { sendJson } from "./http";
import { OVERVIEW_PAGE } from "./overviewPage";
import type { SqlDatabase } from "./sqlite";

export const OVERVIEW_PAGE_PATH = "/";
export const OVERVIEW_JSON_PATH = "/_emulator/overview";

export interface OverviewMember {
  name: string;
  /** What identifies the member at the vendor, e.g. its namespace and dimensions, or its start slot. */
  detail?: string;
}

export interface OverviewGroup {
  id: string;
  name: string;
  /** The group's kind at its vendor ("Manual", "TAG", "built-in"...), when the vendor has kinds. */
  kind?: string;
  description?: string;
  /** Where the group lives and what it covers: project, account, scope keys. */
  scopes: string[];
  tags: { key: string; value: string }[];
  /** In the vendor's order; ZopNight's is the start order. */
  members: OverviewMember[];
}

export interface VendorOverview {
  /** The dialect's name, e.g. "ces". */
  vendor: string;
  /** How people call the API, e.g. "Huawei Cloud Eye (CES) v2". */
  title: string;
  groups: OverviewGroup[];
}

export interface Overview {
  generatedAt: string;
  vendors: VendorOverview[];
}

/** What the overview reads from one dialect. */
export interface OverviewSource {
  name: string;
  overview(): Omit<VendorOverview, "vendor">;
}

/**
 * A dialect's groups with their members, read with two queries (groups by `seq`, members by
 * `group_seq`, each in the order it is to be shown) and joined here.
 */
export function groupsWithMembers<G extends { seq: number }, M extends { group_seq: number }>(
  db: SqlDatabase,
  sql: { groups: string; members: string },
  toGroup: (group: G, members: M[]) => OverviewGroup,
): OverviewGroup[] {
  const members = new Map<number, M[]>();
  for (const member of db.prepare<[], M>(sql.members).all()) {
    const list = members.get(member.group_seq);
    if (list) list.push(member);
    else members.set(member.group_seq, [member]);
  }
  const groups = db.prepare<[], G>(sql.groups).all();
  return groups.map((group) => toGroup(group, members.get(group.seq) ?? []));
}

export function buildOverview(sources: readonly OverviewSource[]): Overview {
  return {
    generatedAt: new Date().toISOString(),
    vendors: sources.map((source) => ({ vendor: source.name, ...source.overview() })),
  };
}

/**
 * Answers the overview's two routes and returns true, or returns false for any other request. Only
 * GET and HEAD (Node sends no body for HEAD): the page is read-only.
 */
export function serveOverview(
  sources: readonly OverviewSource[],
  method: string,
  path: string,
  res: ServerResponse,
): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (path === OVERVIEW_JSON_PATH) {
    sendJson(res, 200, buildOverview(sources), { "Cache-Control": "no-store" });
    return true;
  }
  if (path === OVERVIEW_PAGE_PATH) {
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(OVERVIEW_PAGE),
      "Cache-Control": "no-store",
      // The page runs only its own inline script and talks only to this server.
      "Content-Security-Policy":
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
    });
    res.end(OVERVIEW_PAGE);
    return true;
  }
  return false;
}
