/** Provider settings: where each comes from and the rule it must satisfy. */
import { z } from "zod";
import { PROJECT_ID } from "./ces/fields";

export const CONFIG_NAMESPACE = "resourcegroups";

export interface SettingSpec {
  /** Key in the stack config namespace `resourcegroups`. */
  key: string;
  env: string;
  default?: string;
  secret?: boolean;
}

export const SETTINGS = {
  backend: { key: "backend", env: "RESOURCEGROUPS_BACKEND", default: "ces" },
  endpoint: { key: "endpoint", env: "RESOURCEGROUPS_ENDPOINT" },
  projectId: { key: "projectId", env: "RESOURCEGROUPS_PROJECT_ID" },
  token: { key: "token", env: "RESOURCEGROUPS_TOKEN", secret: true },
  requestTimeoutMs: { key: "requestTimeoutMs", env: "RESOURCEGROUPS_REQUEST_TIMEOUT_MS", default: "30000" },
  maxRetries: { key: "maxRetries", env: "RESOURCEGROUPS_MAX_RETRIES", default: "4" },
} satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });

export const providerSettings = z.object({
  backend: z.enum(["ces"], { error: "backend must be one of: ces" }),
  endpoint: z.url({ protocol: /^https?$/, error: "endpoint must be an http(s) URL" }),
  projectId: z.string().regex(PROJECT_ID, { error: "projectId must be 1-64 letters, digits or '-'" }),
  token: z.string().min(1, { error: "token must not be empty" }),
  requestTimeoutMs: wholeNumber("requestTimeoutMs", 100, 600_000),
  maxRetries: wholeNumber("maxRetries", 0, 10),
});

export type ProviderSettings = z.output<typeof providerSettings>;
