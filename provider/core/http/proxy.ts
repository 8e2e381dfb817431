/**
 * Proxies as Node users set them: `HTTPS_PROXY`, `HTTP_PROXY` (or `ALL_PROXY`) name the proxy for each
 * scheme and `NO_PROXY` lists the hosts reached directly; lowercase names win over uppercase ones, as
 * in curl. An https endpoint is reached through a tunnel (CONNECT) to the proxy, an http one through the
 * proxy itself.
 */
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import type * as httpProxyAgent from "http-proxy-agent";
import type * as httpsProxyAgent from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";
import { ConfigurationError } from "../errors";

/** The agents that route a client's requests; empty when its endpoint is reached directly. */
export interface ProxyAgents {
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
}

/**
 * The proxy for requests to `baseURL`, read from the environment when the client is made (every
 * request of a client goes to the same host, so one decision holds for all of them).
 */
export function proxyAgentsFor(baseURL: string): ProxyAgents {
  const proxy = proxyFor(baseURL);
  if (proxy === undefined) return {};
  // Loaded only when a proxy is set: most runs never need them.
  /* eslint-disable @typescript-eslint/no-require-imports */
  return new URL(baseURL).protocol === "https:"
    ? { httpsAgent: new (require("https-proxy-agent") as typeof httpsProxyAgent).HttpsProxyAgent(proxy) }
    : { httpAgent: new (require("http-proxy-agent") as typeof httpProxyAgent).HttpProxyAgent(proxy) };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** The proxy URL the environment gives for `url`, or undefined to connect directly. */
export function proxyFor(url: string): string | undefined {
  const proxy = getProxyForUrl(url);
  if (proxy === "") return undefined;
  try {
    return new URL(proxy).href;
  } catch {
    // The value is not shown: a proxy URL may hold a user and password.
    throw new ConfigurationError(
      `The proxy for ${new URL(url).host} (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY) must be a URL such as http://proxy.example:3128`,
    );
  }
}
