/**
 * Plain values of the ces contract: limits, enumerations, patterns and key formats (docs/vendors/ces.md).
 * Free of any schema library, so that resource classes and public type declarations can use them.
 */
export const CES_LIMITS = {
  groupNameMax: 128,
  tagsMax: 10,
  tagKeyMax: 36,
  tagValueMax: 43,
  associationEpIdsMax: 10,
  batchDeleteGroupsMax: 100,
  membersPerBatchMax: 1000,
  dimensionsMax: 4,
  namespaceMin: 3,
  namespaceMax: 32,
  dimensionNameMax: 32,
  dimensionValueMax: 256,
  listOffsetMax: 10000,
  listLimitMax: 100,
  projectIdMax: 64,
} as const;

export const GROUP_TYPES = ["Manual", "TAG", "EPS"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** CJK unified ideographs, ASCII letters, digits, `_` and `-`: the charset of names, tag keys and values. */
export const NAME_CHARSET = /^[\u4E00-\u9FFFA-Za-z0-9_-]*$/;
export const NAME_CHARSET_RULE = "only CJK characters, letters, digits, '_' and '-'";
export const ENTERPRISE_PROJECT_ID = /^([a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}|0)$/;
export const NAMESPACE = /^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/;
export const DIMENSION_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const GROUP_ID = /^rg[A-Za-z0-9]{22}$/;
export const PROJECT_ID = /^[A-Za-z0-9-]{1,64}$/;
