/**
 * The contract between the resources and a vendor API. Each vendor implements it in its own folder;
 * the resource handlers speak only these neutral types.
 */
import type { GroupType } from "../schemas/ces/fields";

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

export interface ResourceGroupBackend {
  /** Short vendor name for messages, e.g. "CES". */
  readonly vendor: string;
  /** Most tags a tag-matching group may hold. */
  readonly maxTags: number;
  /** Creates the group; a retry after a lost answer returns the group the first attempt made. */
  createGroup(spec: GroupSpec): Promise<Group>;
  /** The group, or undefined when it does not exist. */
  getGroup(id: string): Promise<Group | undefined>;
  findGroupByName(name: string): Promise<Group | undefined>;
  updateGroup(id: string, change: GroupChange): Promise<void>;
  /** Deletes the group; true if it existed. Deleting a missing group is not an error. */
  deleteGroup(id: string): Promise<boolean>;
  addMember(groupId: string, member: Member): Promise<void>;
  removeMember(groupId: string, member: Member): Promise<void>;
  hasMember(groupId: string, member: Member): Promise<boolean>;
}
