/** Request and answer bodies of the ZopNight resource-group API (docs/vendors/zopnight.md). */

export interface WireMember {
  /** The membership id. */
  id: string;
  resourceID: string;
  resourceUID: string;
  resourceName: string;
  resourceType: string;
  provider: string;
  cloudAccountID: string;
  region: string;
  executionTier: string;
  executionOrder: number;
}

export interface WireGroup {
  id: string;
  name: string;
  description: string;
  members: WireMember[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface WireResource {
  id: string;
  uid: string;
  name: string;
  type: string;
  provider: string;
  cloudAccountID: string;
  region: string;
}

export interface WireSchedule {
  id: string;
  name: string;
  timezone: string;
}

export interface WireData<T> {
  data: T;
}

export interface WireList<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number };
}

/** Errors are `{error: "<message>"}`; an older form `{error: {message}}` is read too. */
export interface WireError {
  error?: string | { message?: string };
}

export function errorMessage(body: unknown): string | undefined {
  const error = (body as WireError | undefined)?.error;
  if (typeof error === "string") return error;
  return typeof error?.message === "string" ? error.message : undefined;
}

/** Names are unique ignoring case and surrounding spaces: the key two names clash under. */
export const nameKey = (name: string): string => name.trim().toLowerCase();
