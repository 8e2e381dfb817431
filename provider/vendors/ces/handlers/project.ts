import { configuredProjectId } from "../settings";

/**
 * Whether two states name the same project. A state without `projectId` uses the configured one, so
 * naming the configured project explicitly (or dropping it) changes nothing.
 */
export function sameProject(before: string | undefined, after: string | undefined): boolean {
  if (before === after) return true;
  const fallback = configuredProjectId();
  return (before ?? fallback) === (after ?? fallback);
}
