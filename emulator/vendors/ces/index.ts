/** Huawei Cloud Eye (CES) v2 resource groups, served under /v2/. */
import { headerValue } from "../../core/http";
import { storeDialect } from "../../core/vendor";
import { renderCesError } from "./errors";
import { cesRoutes } from "./routes";
import { CES_MIGRATIONS, CesStore } from "./store";
import { cesOverview } from "./overview";

export const ces = storeDialect({
  name: "ces",
  prefix: "/v2/",
  migrations: CES_MIGRATIONS,
  store: (db) => new CesStore(db),
  routes: cesRoutes,
  credential: (req) => headerValue(req, "x-auth-token"),
  renderError: renderCesError,
  overview: cesOverview,
});
