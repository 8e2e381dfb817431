/**
 * Plain values of the strongly contract: limits, enumerations, patterns and key formats (docs/vendors/strongly.md).
 * Free of any schema library, so that resource classes and public type declarations can use them.
 */
export const STRONGLY_LIMITS = {
  groupNameMax: 100,
  descriptionMax: 500,
  resourceIdMax: 128,
  memberNameMax: 200,
  membersPerGroupMax: 500,
  listLimitMax: 100,
  listLimitDefault: 20,
} as const;

/** The eight kinds of platform resource a group can hold (the FinOps cost-breakdown resource types). */
export const MEMBER_TYPES = [
  "app",
  "addon",
  "workflow",
  "workspace",
  "ml_model",
  "self_hosted_model",
  "automl",
  "fine_tuning",
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** The only documented group status; a `status` filter with any other value matches nothing. */
export const GROUP_STATUSES = ["active"] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const SORT_FIELDS = ["name", "createdAt", "updatedAt"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const DEFAULT_SORT: SortSpec = { field: "createdAt", descending: false };

export const SCOPES = { read: "finops:read", write: "finops:write" } as const;

export const GROUP_ID = /^rg_[a-z0-9]{16}$/;
export const RESOURCE_ID = /^[A-Za-z0-9_-]+$/;

export interface SortSpec {
  field: SortField;
  descending: boolean;
}

/** A member's identity in its group: `(type, resourceId)`. */
export const memberIdentity = (m: { type: string; resourceId: string }) => `${m.type}/${m.resourceId}`;
