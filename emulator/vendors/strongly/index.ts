/**
 * Strongly FinOps resource groups, served under /api/v1/finops/. The key is read from X-API-Key; the
 * emulator's key has finops:read and finops:write, its read-only key (option `readOnlyTokens.strongly`,
 * flag `--strongly-read-only-key`) finops:read only.
 */
import type { IncomingMessage } from "node:http";
import { defineDialect } from "../../core/vendor";
import { renderStronglyError } from "./errors";
import { stronglyRoutes } from "./routes";
import { STRONGLY_MIGRATIONS, StronglyStore } from "./store";
import { stronglyOverview } from "./overview";

function apiKey(req: IncomingMessage): string | undefined {
  const value = req.headers["x-api-key"];
  return Array.isArray(value) ? value[0] : value;
}

export const strongly = defineDialect({
  name: "strongly",
  migrations: STRONGLY_MIGRATIONS,
  create(db) {
    const store = new StronglyStore(db);
    return {
      name: "strongly",
      prefix: "/api/v1/finops/",
      routes: stronglyRoutes(store),
      credential: apiKey,
      renderError: renderStronglyError,
      reset: () => store.reset(),
      overview: () => stronglyOverview(db),
    };
  },
});
