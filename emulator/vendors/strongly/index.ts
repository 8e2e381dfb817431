/**
 * Strongly FinOps resource groups, served under /api/v1/finops/. The key is read from X-API-Key; the
 * emulator's key has finops:read and finops:write, its read-only key (option `readOnlyTokens.strongly`,
 * flag `--strongly-read-only-key`) finops:read only.
 */
import { headerValue } from "../../core/http";
import { storeDialect } from "../../core/vendor";
import { renderStronglyError } from "./errors";
import { stronglyRoutes } from "./routes";
import { STRONGLY_MIGRATIONS, StronglyStore } from "./store";
import { stronglyOverview } from "./overview";

export const strongly = storeDialect({
  name: "strongly",
  prefix: "/api/v1/finops/",
  migrations: STRONGLY_MIGRATIONS,
  store: (db) => new StronglyStore(db),
  routes: stronglyRoutes,
  credential: (req) => headerValue(req, "x-api-key"),
  renderError: renderStronglyError,
  overview: stronglyOverview,
});
