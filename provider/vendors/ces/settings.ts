/** Settings of the Huawei Cloud Eye (CES) v2 vendor: the original `resourcegroups:*` keys. */
import { z } from "zod";
import { ConfigurationError } from "../../core/errors";
import { DEFAULT_RETRY } from "../../core/http/retry";
import {
  COMMON_SETTINGS,
  commonSettings,
  httpUrl,
  perSettings,
  rawSetting,
  readSettings,
  where,
  type SettingSpec,
} from "../../core/settings";
import { CesApi } from "./api";
import { PROJECT_ID } from "pulumi-resource-groups-contracts/ces";

export const CES_SETTINGS = {
  backend: { key: "backend", env: ["RESOURCEGROUPS_BACKEND"], default: "ces" },
  endpoint: { key: "endpoint", env: ["RESOURCEGROUPS_ENDPOINT"] },
  // A resource may name its own project instead.
  projectId: { key: "projectId", env: ["RESOURCEGROUPS_PROJECT_ID"], optional: true },
  token: { key: "token", env: ["RESOURCEGROUPS_TOKEN"], secret: true },
  ...COMMON_SETTINGS,
} satisfies Record<string, SettingSpec>;

const cesSettingsSchema = z.object({
  // Kept from the single-vendor releases, where it chose the vendor; CES is the only value it takes.
  backend: z.enum(["ces"], { error: "backend must be one of: ces" }),
  endpoint: httpUrl("endpoint"),
  projectId: z
    .string()
    .regex(PROJECT_ID, { error: "projectId must be 1-64 letters, digits or '-'" })
    .optional(),
  token: z.string().min(1, { error: "token must not be empty" }),
  ...commonSettings.shape,
});

export type CesSettings = z.output<typeof cesSettingsSchema> & { projectId: string };

/**
 * The CES settings, with the project a resource names in place of the configured one. Fails, naming
 * the key and the variable, when a setting is missing or malformed.
 */
export function resolveCesSettings(projectId?: string, env: NodeJS.ProcessEnv = process.env): CesSettings {
  // Without a project of its own, a resource needs the configured one like any other setting.
  const specs =
    projectId === undefined
      ? { ...CES_SETTINGS, projectId: { ...CES_SETTINGS.projectId, optional: false } }
      : CES_SETTINGS;
  const settings = readSettings("CES", specs, cesSettingsSchema, env);
  const project = projectId ?? settings.projectId;
  // Unreachable: readSettings has required the setting when the resource names no project.
  if (project === undefined) throw new ConfigurationError("projectId: no CES project");
  return { ...settings, projectId: project };
}

/** The project a resource without its own `projectId` uses, if one is configured. */
export function configuredProjectId(): string | undefined {
  return rawSetting(CES_SETTINGS.projectId);
}

const clients = perSettings<CesApi>();

/** One client, and so one connection pool and one set of locks, per distinct configuration. */
export function cesApi(projectId?: string): CesApi {
  const settings = resolveCesSettings(projectId);
  return clients(JSON.stringify(settings), () => {
    return new CesApi({
      endpoint: settings.endpoint,
      projectId: settings.projectId,
      token: settings.token,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
      credentialHint: where(CES_SETTINGS.token),
    });
  });
}
