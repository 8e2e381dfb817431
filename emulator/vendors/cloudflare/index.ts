/** Cloudflare IAM resource groups, served under /client/v4/ with `Authorization: Bearer <token>`. */
import { bearerToken } from "../../core/http";
import { defineDialect } from "../../core/vendor";
import { renderCloudflareError } from "./errors";
import { CLOUDFLARE_PREFIX, cloudflareRoutes } from "./routes";
import { CLOUDFLARE_MIGRATIONS, CloudflareStore } from "./store";
import { cloudflareOverview } from "./overview";

export const cloudflare = defineDialect({
  name: "cloudflare",
  migrations: CLOUDFLARE_MIGRATIONS,
  create(db) {
    const store = new CloudflareStore(db);
    return {
      name: "cloudflare",
      prefix: `${CLOUDFLARE_PREFIX}/`,
      routes: cloudflareRoutes(store),
      credential: bearerToken,
      renderError: renderCloudflareError,
      reset: () => store.reset(),
      overview: () => cloudflareOverview(db),
    };
  },
});
