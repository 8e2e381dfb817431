/** Settings of the Huawei Cloud Eye (CES) v2 vendor: the original `resourcegroups:*` keys. */
import { ConfigurationError } from "../../core/errors";
import { httpUrl, matching, nonEmpty, oneOf } from "../../core/settingRules";
import { rawSetting } from "../../core/settings";
import { clientPerSettings, vendorSettings } from "../../core/vendorSettings";
import { CesApi } from "./api";
import { PROJECT_ID } from "pulumi-resource-groups-contracts/ces/plain";

const settings = vendorSettings("CES", {
  // Kept from the single-vendor releases, where it chose the vendor; CES is the only value it takes.
  backend: {
    rule: oneOf("backend", ["ces"]),
  },
  endpoint: { rule: httpUrl("endpoint") },
  // A resource may name its own project instead.
  projectId: {
    optional: true,
    rule: matching(PROJECT_ID, "projectId must be 1-64 letters, digits or '-'"),
  },
  token: { rule: nonEmpty("token") },
});

export const CES_SETTINGS = settings.specs;

export type CesSettings = ReturnType<typeof settings.read> & { projectId: string };

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
  const read = settings.read(env, specs);
  const project = projectId ?? read.projectId;
  // Unreachable: the read has required the setting when the resource names no project.
  if (project === undefined) throw new ConfigurationError("projectId: no CES project");
  return { ...read, projectId: project };
}

/** The project a resource without its own `projectId` uses, if one is configured. */
export function configuredProjectId(): string | undefined {
  return rawSetting(CES_SETTINGS.projectId);
}

/** One client, and so one connection pool and one set of locks, per distinct configuration. */
const clientFor = clientPerSettings(
  CES_SETTINGS.token,
  (s: CesSettings, options) =>
    new CesApi({ ...options, endpoint: s.endpoint, projectId: s.projectId, token: s.token }),
);

export function cesApi(projectId?: string): CesApi {
  return clientFor(resolveCesSettings(projectId));
}
