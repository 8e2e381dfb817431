/** Settings of the Huawei Cloud Eye (CES) v2 vendor: the original `resourcegroups:*` keys. */
import { z } from "zod";
import { ConfigurationError } from "../../core/errors";
import { httpUrl, nonEmpty, rawSetting } from "../../core/settings";
import { clientPerSettings, vendorSettings } from "../../core/vendorSettings";
import { CesApi } from "./api";
import { PROJECT_ID } from "pulumi-resource-groups-contracts/ces";

const settings = vendorSettings("CES", {
  // Kept from the single-vendor releases, where it chose the vendor; CES is the only value it takes.
  backend: {
    rule: z.enum(["ces"], { error: "backend must be one of: ces" }),
  },
  endpoint: { rule: httpUrl("endpoint") },
  // A resource may name its own project instead.
  projectId: {
    optional: true,
    rule: z.string().regex(PROJECT_ID, { error: "projectId must be 1-64 letters, digits or '-'" }).optional(),
  },
  token: { rule: nonEmpty("token") },
});

export const CES_SETTINGS = settings.specs;

export type CesSettings = z.output<typeof settings.schema> & { projectId: string };

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
