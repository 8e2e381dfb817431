/**
 * ZopNight resource groups, served under /api/ (after any dialect with a longer /api/... prefix).
 * Auth is `Authorization: Bearer <token>`; groups are created by `emulator@zopnight.local`. The
 * inventory starts with the resources of inventory.ts (reset restores it). Admin routes, no token:
 * `POST /_emulator/zopnight/resources` `{id?, uid, name, type, provider, cloudAccountID, region}` adds
 * an inventory resource; `POST /_emulator/zopnight/resource-groups/{groupID}/schedules`
 * `{id?, name, timezone}` creates (or renames) a schedule and attaches it to the group.
 */
import type { IncomingMessage } from "node:http";
import { storeDialect } from "../../core/vendor";
import { renderZopNightError } from "./errors";
import { ZOPNIGHT_PREFIX, zopnightAdminRoutes, zopnightRoutes } from "./routes";
import { ZOPNIGHT_MIGRATIONS, ZopNightStore } from "./store";
import { zopnightOverview } from "./overview";

/** Any spacing after `Bearer`, and the rest of the header as the token; another scheme sends none. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? match[1] : "";
}

export const zopnight = storeDialect({
  name: "zopnight",
  prefix: ZOPNIGHT_PREFIX,
  migrations: ZOPNIGHT_MIGRATIONS,
  store: (db) => new ZopNightStore(db),
  routes: zopnightRoutes,
  adminRoutes: zopnightAdminRoutes,
  credential: bearerToken,
  renderError: renderZopNightError,
  overview: zopnightOverview,
});
