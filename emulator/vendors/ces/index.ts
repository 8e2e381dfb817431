/** Huawei Cloud Eye (CES) v2 resource groups, served under /v2/. */
import type { IncomingMessage } from "node:http";
import { defineDialect } from "../../core/vendor";
import { renderCesError } from "./errors";
import { cesRoutes } from "./routes";
import { CES_MIGRATIONS, CesStore } from "./store";
import { cesOverview } from "./overview";

function authToken(req: IncomingMessage): string | undefined {
  const value = req.headers["x-auth-token"];
  return Array.isArray(value) ? value[0] : value;
}

export const ces = defineDialect({
  name: "ces",
  migrations: CES_MIGRATIONS,
  create(db) {
    const store = new CesStore(db);
    return {
      name: "ces",
      prefix: "/v2/",
      routes: cesRoutes(store),
      credential: authToken,
      renderError: renderCesError,
      reset: () => store.reset(),
      overview: () => cesOverview(db),
    };
  },
});
