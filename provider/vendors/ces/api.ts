/** The Huawei Cloud Eye (CES) v2 resource-group API. */
import { Batches, withPrefix } from "../../core/batches";
import { ConflictError } from "../../core/errors";
import { HttpClient, commonHttpOptions, type ClientOptions } from "../../core/http/client";
import { settingSpec, where } from "../../core/settings";
import { SharedReads } from "../../core/sharedReads";
import { CES_LIMITS } from "pulumi-resource-groups-contracts/ces/plain";
import { memberKey } from "pulumi-resource-groups-contracts/ces/plain";
import type { Group, GroupChange, GroupSpec, GroupType, Member } from "pulumi-resource-groups-contracts/ces";
import {
  fromWireGroup,
  toCreateBody,
  toWireResources,
  toWireTags,
  type WireError,
  type WireGroup,
  type WireList,
  type WireMemberList,
} from "pulumi-resource-groups-contracts/ces/plain";

export interface CesApiOptions extends ClientOptions {
  endpoint: string;
  projectId: string;
  token: string;
}

const PAGE = CES_LIMITS.listLimitMax;
/** The most members one batch-create or batch-delete takes. */
const MEMBER_BATCH_MAX = 1000;
/**
 * How member writes of one group wait for each other (see core/batches.ts): the engine hands them to
 * the provider one by one, tens of milliseconds apart.
 */
export const MEMBER_BATCH_TIMING = { quietMs: 100, unannouncedQuietMs: 30, maxWaitMs: 1_000 };
/** Long enough to cover one refresh's burst of member reads, short enough never to hide drift. */
export const MEMBER_LISTING_WINDOW_MS = 5_000;
/** The API pages no further than this offset; larger groups are checked member by member. */
const MAX_OFFSET = 10_000;

/** What a member write needs to know of its group; neither changes while the group exists. */
export interface GroupKind {
  name: string;
  type: GroupType;
}

export class CesApi {
  readonly vendor = "CES";
  readonly maxTags = CES_LIMITS.tagsMax;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly location: string;
  /** Groups seen in this process; a group's type never changes (a new type is a new group). */
  private readonly kinds = new Map<string, GroupKind>();
  private readonly kindReads = new Map<string, Promise<GroupKind | undefined>>();
  private readonly adds: Batches<Member>;
  private readonly removals: Batches<Member>;
  /** One listing per group and namespace, shared by every member read of a refresh. */
  private readonly listings = new SharedReads<Set<string> | undefined>(MEMBER_LISTING_WINDOW_MS);

  constructor(settings: CesApiOptions) {
    this.location = `${settings.endpoint}|${settings.projectId}`;
    this.base = `/v2/${encodeURIComponent(settings.projectId)}/resource-groups`;
    this.http = new HttpClient({
      ...commonHttpOptions(settings),
      api: "the CES API",
      endpointHint: where(settingSpec("endpoint")),
      baseURL: settings.endpoint.replace(/\/+$/, ""),
      headers: { "X-Auth-Token": settings.token },
      parseError: (body, headers) => {
        const wire = (typeof body === "object" && body !== null ? body : {}) as WireError;
        const header = headers["x-request-id"];
        return {
          errorCode: wire.error_code,
          errorMsg: wire.error_msg,
          requestId: wire.request_id ?? (typeof header === "string" ? header : undefined),
        };
      },
    });
    const itemError = (verb: string) => (error: unknown, member: Member, size: number) =>
      withPrefix(
        error,
        `${verb} member ${memberKey(member)}${size > 1 ? ` (one of a batch of ${size})` : ""}`,
      );
    this.adds = new Batches<Member>({
      ...MEMBER_BATCH_TIMING,
      maxItems: MEMBER_BATCH_MAX,
      send: (groupId, members) => this.sendMembers("batch-create", groupId, members),
      itemError: itemError("add"),
    });
    this.removals = new Batches<Member>({
      ...MEMBER_BATCH_TIMING,
      maxItems: MEMBER_BATCH_MAX,
      send: (groupId, members) => this.sendMembers("batch-delete", groupId, members),
      itemError: itemError("remove"),
    });
  }

  /** The lock key of one group: group ids are unique only within an endpoint and project. */
  lockKey(groupId: string): string {
    return `ces|${this.location}|${groupId}`;
  }

  /** Creates the group; a retry after a lost answer returns the group the first attempt made. */
  async createGroup(spec: GroupSpec): Promise<Group> {
    const { data } = await this.http.request<{ group_id: string }>({
      method: "POST",
      path: this.base,
      operation: `create resource group '${spec.name}'`,
      body: toCreateBody(spec),
      idempotent: false,
      // Names are unique: if an earlier attempt committed before its answer was lost, the name finds it.
      beforeRetry: async () => {
        const existing = await this.findGroupByName(spec.name);
        return existing ? { data: { group_id: existing.id } } : undefined;
      },
    });
    const created = await this.getGroup(data.group_id).catch(() => undefined);
    // The group exists even if reading it back failed; its id must reach the state, or it is orphaned.
    if (!created) this.kinds.set(data.group_id, { name: spec.name, type: spec.type });
    return created ?? { ...spec, id: data.group_id, createTime: 0 };
  }

  /** The group, or undefined when it does not exist. */
  async getGroup(id: string): Promise<Group | undefined> {
    const found = await this.http.requestIfFound<WireGroup>({
      method: "GET",
      path: `${this.base}/${encodeURIComponent(id)}`,
      operation: `read resource group ${id}`,
    });
    if (found === undefined) {
      this.kinds.delete(id);
      return undefined;
    }
    const group = fromWireGroup(found.data);
    this.kinds.set(id, { name: group.name, type: group.type });
    return group;
  }

  async findGroupByName(name: string): Promise<Group | undefined> {
    // The name filter matches substrings, so page through the candidates for the exact one.
    for (let offset = 0; ; offset += PAGE) {
      const { data } = await this.http.request<WireList>({
        method: "GET",
        path: this.base,
        operation: `look up resource group '${name}'`,
        query: { group_name: name, offset, limit: PAGE },
      });
      const match = data.resource_groups.find((g) => g.group_name === name);
      if (match) return this.getGroup(match.group_id);
      if (offset + PAGE >= data.count || data.resource_groups.length === 0) return undefined;
    }
  }

  async updateGroup(id: string, change: GroupChange): Promise<void> {
    const kind = this.kinds.get(id);
    if (kind) kind.name = change.name;
    await this.http.request({
      method: "PUT",
      path: `${this.base}/${encodeURIComponent(id)}`,
      operation: `update resource group '${change.name}' (${id})`,
      body: change.tags
        ? { group_name: change.name, tags: toWireTags(change.tags) }
        : { group_name: change.name },
    });
  }

  /** Deletes the group; true if it existed. Deleting a missing group is not an error. */
  async deleteGroup(id: string): Promise<boolean> {
    const { data } = await this.http.request<{ group_ids?: string[] }>({
      method: "POST",
      idempotent: true,
      path: `${this.base}/batch-delete`,
      operation: `delete resource group ${id}`,
      body: { group_ids: [id] },
    });
    this.kinds.delete(id);
    this.listings.clear();
    return (data.group_ids ?? []).includes(id);
  }

  /**
   * The name and type of a group, from this process's memory when it has seen the group, else read
   * (undefined when the group does not exist).
   */
  async groupKind(groupId: string): Promise<GroupKind | undefined> {
    const known = this.kinds.get(groupId);
    if (known) return known;
    // The members of a group arrive together: one read serves them all.
    let read = this.kindReads.get(groupId);
    if (!read) {
      read = this.getGroup(groupId).finally(() => this.kindReads.delete(groupId));
      this.kindReads.set(groupId, read);
    }
    return read;
  }

  /** Adds the member, in one batch-create with the other members of its group added meanwhile. */
  async addMember(groupId: string, member: Member): Promise<void> {
    await this.adds.submit(groupId, member);
  }

  /** Removes the member, batched like addMember. A member of a group that is gone is gone too. */
  async removeMember(groupId: string, member: Member): Promise<void> {
    await this.removals.submit(groupId, member);
  }

  /**
   * Adds up to 1,000 members in one batch-create, now: a `GroupMembers` writes its whole list itself
   * instead of waiting for other resources' members.
   */
  async addMemberBatch(groupId: string, members: Member[]): Promise<void> {
    await this.sendMembers("batch-create", groupId, members, "its members");
  }

  /** Removes up to 1,000 members in one batch-delete, now. A group that is gone has none to remove. */
  async removeMemberBatch(groupId: string, members: Member[]): Promise<void> {
    await this.sendMembers("batch-delete", groupId, members, "its members");
  }

  private async sendMembers(
    route: "batch-create" | "batch-delete",
    groupId: string,
    batch: Member[],
    /** What cannot be added when the group is gone. */
    addedThing = "the GroupMember",
  ) {
    if (batch.length > MEMBER_BATCH_MAX) {
      throw new RangeError(`a member batch takes at most ${MEMBER_BATCH_MAX} members (got ${batch.length})`);
    }
    // Two resources may name the same member; the API takes each once.
    const members = [...new Map(batch.map((m) => [memberKey(m), m])).values()];
    this.listings.clear();
    const adding = route === "batch-create";
    const what =
      members.length === 1 ? `member ${memberKey(members[0] as Member)}` : `${members.length} members`;
    try {
      const sent = await this.http.requestIfFound({
        method: "POST",
        path: `${this.base}/${encodeURIComponent(groupId)}/resources/${route}`,
        // Adding a member that is already there, or removing one that is not, is a no-op: a second
        // attempt after a lost answer is harmless.
        idempotent: true,
        operation: adding
          ? `add ${what} to resource group ${groupId}`
          : `remove ${what} from resource group ${groupId}`,
        body: toWireResources(members),
      });
      if (sent !== undefined) return;
      this.kinds.delete(groupId);
      if (adding) {
        throw new ConflictError(
          `groupId: resource group ${groupId} does not exist, so ${addedThing} cannot be added`,
        );
      }
    } finally {
      this.listings.clear();
    }
  }

  /** Whether the group holds the member: one shared listing of the group's namespace per refresh. */
  async hasMember(groupId: string, member: Member): Promise<boolean> {
    const listed = await this.listings.get(`${groupId}|${member.namespace}`, () =>
      this.listMembers(groupId, member.namespace),
    );
    if (listed === undefined) return this.findMember(groupId, member);
    return listed.has(memberKey(member));
  }

  /**
   * The members of the group in the given namespaces, in the API's order, or undefined when the group
   * is gone. The API lists one namespace at a time and no other, so members of other namespaces are
   * not seen. A namespace too large to page through is checked member by member for `expected`.
   */
  async membersIn(
    groupId: string,
    namespaces: readonly string[],
    expected: readonly Member[],
  ): Promise<Member[] | undefined> {
    // Without a namespace to list, only the group itself can say whether it is still there.
    if (namespaces.length === 0) return (await this.getGroup(groupId)) ? [] : undefined;
    const found: Member[] = [];
    for (const namespace of namespaces) {
      const listed = await this.namespaceMembers(groupId, namespace);
      if (listed === "gone") return undefined;
      if (listed !== "too-many") {
        found.push(...listed);
        continue;
      }
      for (const member of expected.filter((m) => m.namespace === namespace)) {
        if (await this.findMember(groupId, member)) found.push(member);
      }
    }
    return found;
  }

  /** Every member of one namespace, whole; "too-many" when the API cannot page through them all. */
  /**
   * One page of the group's members in one namespace, only those with `dimension` when given;
   * undefined when the group is gone.
   */
  private async memberPage(
    groupId: string,
    namespace: string,
    offset: number,
    dimension?: { name: string; value: string },
  ): Promise<WireMemberList | undefined> {
    const found = await this.http.requestIfFound<WireMemberList>({
      method: "GET",
      path: `${this.base}/${encodeURIComponent(groupId)}/services/${encodeURIComponent(namespace)}/resources`,
      operation: `read members of resource group ${groupId}`,
      query: { offset, limit: PAGE, dim_name: dimension?.name, dim_value: dimension?.value },
    });
    return found?.data;
  }

  private async namespaceMembers(
    groupId: string,
    namespace: string,
  ): Promise<Member[] | "gone" | "too-many"> {
    const members: Member[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const data = await this.memberPage(groupId, namespace, offset);
      if (data === undefined) return "gone";
      if (data.count > MAX_OFFSET + PAGE) return "too-many";
      for (const r of data.resources) members.push({ namespace, dimensions: r.dimensions });
      if (offset + PAGE >= data.count || data.resources.length === 0) return members;
    }
  }

  /**
   * The keys of every member of the group in one namespace (an empty set when the group is gone), or
   * undefined when the group holds more than the API can page through.
   */
  private async listMembers(groupId: string, namespace: string): Promise<Set<string> | undefined> {
    const members = await this.namespaceMembers(groupId, namespace);
    if (members === "too-many") return undefined;
    return new Set(members === "gone" ? [] : members.map(memberKey));
  }

  /** Looks one member up by its first dimension: for groups too large to list. */
  private async findMember(groupId: string, member: Member): Promise<boolean> {
    const wanted = memberKey(member);
    const first = member.dimensions[0];
    for (let offset = 0; ; offset += PAGE) {
      const data = await this.memberPage(groupId, member.namespace, offset, first);
      if (data === undefined) return false;
      const found = data.resources.some(
        (r) => memberKey({ namespace: member.namespace, dimensions: r.dimensions }) === wanted,
      );
      if (found) return true;
      if (offset + PAGE >= data.count || data.resources.length === 0) return false;
    }
  }
}
