/** The CES resource-group model as the handlers see it, free of wire names. */
import type { GroupType } from "./rules";

export type { GroupType };

export interface Tag {
  key: string;
  /** Empty when the rule matches any value of the key. */
  value: string;
}

export interface Dimension {
  name: string;
  value: string;
}

export interface Member {
  namespace: string;
  dimensions: Dimension[];
}

/** What a group should look like. */
export interface GroupSpec {
  name: string;
  type: GroupType;
  tags: Tag[];
  associationEpIds: string[];
  enterpriseProjectId: string;
}

/** A group as the API holds it. */
export interface Group extends GroupSpec {
  id: string;
  /** Milliseconds since the epoch. */
  createTime: number;
}

export interface GroupChange {
  name: string;
  /** Sent only for groups whose type matches on tags. */
  tags?: Tag[];
}
