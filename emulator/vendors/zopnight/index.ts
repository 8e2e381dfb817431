/**
 * ZopNight resource groups, served under /api/ (after any dialect with a longer /api/... prefix).
 * Auth is `Authorization: Bearer <token>`; groups are created by `emulator@zopnight.local`. The
 * inventory starts with the resources of inventory.ts (reset restores it). Admin routes, no token:
 * `POST /_emulator/zopnight/resources` `{id?, uid, name, type, provider, cloudAccountID, region}` adds
 * an inventory resource; `POST /_emulator/zopnight/resource-groups/{groupID}/schedules`
 * `{id?, name, timezone}` creates (or renames) a schedule and attaches it to the group.
 */
import type { IncomingMessage } from "node:http";
import { defineDialect } from "../../core/vendor";
import { renderZopNightError } from "./errors";
import { ZOPNIGHT_PREFIX, zopnightAdminRoutes, zopnightRoutes } from "./routes";
import { ZOPNIGHT_MIGRATIONS, ZopNightStore } from "./store";
import { zopnightOverview } from "./overview";

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? match[1] : "";
}

export const zopnight = defineDialect({
  name: "zopnight",
  migrations: ZOPNIGHT_MIGRATIONS,
  create(db) {
    const store = new ZopNightStore(db);
    return {
      name: "zopnight",
      prefix: ZOPNIGHT_PREFIX,
      routes: zopnightRoutes(store),
      adminRoutes: zopnightAdminRoutes(store),
      credential: bearerToken,
      renderError: renderZopNightError,
      reset: () => store.reset(),
      overview: () => zopnightOverview(db),
    };
  },
});
