/** The ZopNight resource-group API client (docs/vendors/zopnight.md), on the shared HTTP core. */
import { HttpClient, commonHttpOptions, type ClientOptions } from "../../core/http/client";
import { settingSpec, where } from "../../core/settings";
import { ApiConflictError } from "../../core/http/errors";
import { processWideReads } from "../../core/sharedReads";
import { ZOPNIGHT_LIMITS } from "pulumi-resource-groups-contracts/zopnight/plain";
import {
  errorMessage,
  nameKey,
  type WireData,
  type WireGroup,
  type WireList,
  type WireMember,
  type WireResource,
  type WireSchedule,
} from "pulumi-resource-groups-contracts/zopnight/plain";

export interface ZopNightApiOptions extends ClientOptions {
  endpoint: string;
  token: string;
}

export interface Sequence {
  executionTier: string;
  executionOrder: number;
}

const PAGE_SIZE = ZOPNIGHT_LIMITS.listLimitMax;

/** Long enough to cover one refresh's burst of member reads, short enough never to hide drift. */
export const GROUP_READ_WINDOW_MS = 2_000;

/** Shared by every client of the process; keys name the vendor, the endpoint and the group. */
const groupReads = processWideReads<WireGroup | undefined>(GROUP_READ_WINDOW_MS);

export class ZopNightApi {
  private readonly http: HttpClient;
  readonly endpoint: string;

  constructor(options: ZopNightApiOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, "");
    this.http = new HttpClient({
      ...commonHttpOptions(options),
      api: "the ZopNight API",
      endpointHint: where(settingSpec("zopnightEndpoint")),
      baseURL: this.endpoint,
      headers: { Authorization: `Bearer ${options.token}` },
      parseError: (body) => ({ errorMsg: errorMessage(body) }),
    });
  }

  /** Lock and cache key of one group: ids are unique only within an endpoint. */
  groupKey(groupId: string): string {
    return `zopnight|${this.endpoint}|${groupId}`;
  }

  private groupPath(groupId: string): string {
    return `/resource-groups/${encodeURIComponent(groupId)}`;
  }

  private memberPath(groupId: string, resourceId: string): string {
    return `${this.groupPath(groupId)}/resources/${encodeURIComponent(resourceId)}`;
  }

  /**
   * The group whose name matches ignoring case and surrounding spaces. The list has no name filter,
   * so this pages through every group.
   */
  async findGroupByName(name: string): Promise<WireGroup | undefined> {
    const wanted = nameKey(name);
    for (let page = 1; ; page++) {
      const { data } = await this.http.request<WireList<WireGroup>>({
        method: "GET",
        path: "/resource-groups",
        operation: `look up resource group '${name}'`,
        query: { page, limit: PAGE_SIZE },
      });
      const found = data.data.find((group) => nameKey(group.name) === wanted);
      if (found) return found;
      if (data.data.length < PAGE_SIZE || page * PAGE_SIZE >= data.pagination.total) return undefined;
    }
  }

  /** Reads the group afresh; undefined when it does not exist. */
  async getGroup(groupId: string): Promise<WireGroup | undefined> {
    const found = await this.http.requestIfFound<WireData<WireGroup>>({
      method: "GET",
      path: this.groupPath(groupId),
      operation: `read resource group ${groupId}`,
    });
    return found?.data.data;
  }

  /**
   * Reads the group once for every caller in a short window: a refresh of many members of one group
   * makes one call, not one per member. Every write to the group forgets the shared read.
   */
  readGroup(groupId: string): Promise<WireGroup | undefined> {
    return groupReads.get(this.groupKey(groupId), () => this.getGroup(groupId));
  }

  /** Creates the group; a retry after a lost answer finds the group the first attempt made by its name. */
  async createGroup(name: string, description: string): Promise<WireGroup> {
    const { data } = await this.http.request<WireData<WireGroup>>({
      method: "POST",
      path: "/resource-groups",
      operation: `create resource group '${name}'`,
      body: { name, description },
      beforeRetry: async () => {
        const existing = await this.findGroupByName(name);
        return existing ? { data: { data: existing } } : undefined;
      },
    });
    return data.data;
  }

  async updateGroup(groupId: string, change: { name?: string; description?: string }): Promise<WireGroup> {
    const { data } = await groupReads.writing(this.groupKey(groupId), () =>
      this.http.request<WireData<WireGroup>>({
        method: "PUT",
        path: this.groupPath(groupId),
        operation: `update resource group ${groupId}`,
        body: change,
      }),
    );
    return data.data;
  }

  /** Deletes the group (and, at ZopNight, its schedule attachments); one already gone succeeds. */
  async deleteGroup(groupId: string): Promise<void> {
    await groupReads.writing(this.groupKey(groupId), () =>
      this.http.deleteIfPresent(this.groupPath(groupId), `delete resource group ${groupId}`),
    );
  }

  async getSchedules(groupId: string): Promise<WireSchedule[]> {
    const { data } = await this.http.request<WireData<WireSchedule[]>>({
      method: "GET",
      path: `${this.groupPath(groupId)}/schedules`,
      operation: `read the schedules of resource group ${groupId}`,
    });
    return data.data;
  }

  /**
   * Adds the resource to the group; one already there (a retry after a lost answer, or an earlier
   * partial run) counts as added. Answers the member as the group now holds it.
   */
  addMember(groupId: string, resourceId: string): Promise<WireMember> {
    const operation = `add resource ${resourceId} to resource group ${groupId}`;
    return groupReads.writing(this.groupKey(groupId), async () => {
      try {
        const { data } = await this.http.request<WireData<WireMember>>({
          method: "POST",
          path: this.memberPath(groupId, resourceId),
          operation,
          beforeRetry: async () => {
            const member = await this.findMember(groupId, resourceId);
            return member ? { data: { data: member } } : undefined;
          },
        });
        return data.data;
      } catch (error) {
        if (!(error instanceof ApiConflictError)) throw error;
        const member = await this.findMember(groupId, resourceId);
        if (!member) throw error;
        return member;
      }
    });
  }

  /** Removes the member; one that is not there (or a group that is gone) succeeds. */
  async removeMember(groupId: string, resourceId: string): Promise<void> {
    await groupReads.writing(this.groupKey(groupId), () =>
      this.http.deleteIfPresent(
        this.memberPath(groupId, resourceId),
        `remove resource ${resourceId} from resource group ${groupId}`,
      ),
    );
  }

  /** Sets a member's tier and order. Setting the same values twice is harmless, so it is retried. */
  async sequenceMember(groupId: string, resourceId: string, sequence: Sequence): Promise<WireMember> {
    const { data } = await groupReads.writing(this.groupKey(groupId), () =>
      this.http.request<WireData<WireMember>>({
        method: "PATCH",
        path: `${this.memberPath(groupId, resourceId)}/sequence`,
        operation: `set the execution sequence of resource ${resourceId} in resource group ${groupId}`,
        body: { executionTier: sequence.executionTier, executionOrder: sequence.executionOrder },
        idempotent: true,
      }),
    );
    return data.data;
  }

  /** Inventory resources whose name or UID contains `search` (case-insensitive), every page. */
  async searchResources(search: string): Promise<WireResource[]> {
    const found: WireResource[] = [];
    for (let page = 1; ; page++) {
      const { data } = await this.http.request<WireList<WireResource>>({
        method: "GET",
        path: "/resources",
        operation: `search the resource inventory for '${search}'`,
        query: { search, page, limit: PAGE_SIZE },
      });
      found.push(...data.data);
      if (data.data.length < PAGE_SIZE || page * PAGE_SIZE >= data.pagination.total) return found;
    }
  }

  private async findMember(groupId: string, resourceId: string): Promise<WireMember | undefined> {
    const group = await this.getGroup(groupId);
    return group?.members.find((member) => member.resourceID === resourceId);
  }
}
