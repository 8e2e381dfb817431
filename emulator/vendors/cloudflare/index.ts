/** Cloudflare IAM resource groups, served under /client/v4/ with `Authorization: Bearer <token>`. */
import { bearerToken } from "../../core/http";
import { storeDialect } from "../../core/vendor";
import { renderCloudflareError } from "./errors";
import { CLOUDFLARE_PREFIX, cloudflareRoutes } from "./routes";
import { CLOUDFLARE_MIGRATIONS, CloudflareStore } from "./store";
import { cloudflareOverview } from "./overview";

export const cloudflare = storeDialect({
  name: "cloudflare",
  prefix: `${CLOUDFLARE_PREFIX}/`,
  migrations: CLOUDFLARE_MIGRATIONS,
  store: (db) => new CloudflareStore(db),
  routes: cloudflareRoutes,
  credential: bearerToken,
  renderError: renderCloudflareError,
  overview: cloudflareOverview,
});
