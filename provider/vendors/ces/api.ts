/** The Huawei Cloud Eye (CES) v2 resource-group API. */
import { HttpClient } from "../../core/http/client";
import { NotFoundError } from "../../core/http/errors";
import type { RetryOptions } from "../../core/http/retry";
import { CES_LIMITS } from "./contracts";
import { memberKey } from "./members";
import type { Group, GroupChange, GroupSpec, Member } from "./model";
import {
  fromWireGroup,
  toCreateBody,
  toWireResources,
  toWireTags,
  type WireError,
  type WireGroup,
  type WireList,
  type WireMemberList,
} from "./wire";

export interface CesApiOptions {
  endpoint: string;
  projectId: string;
  token: string;
  requestTimeoutMs: number;
  retry: RetryOptions;
  credentialHint: string;
  sleep?: (ms: number) => Promise<void>;
}

const PAGE = CES_LIMITS.listLimitMax;

export class CesApi {
  readonly vendor = "CES";
  readonly maxTags = CES_LIMITS.tagsMax;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly location: string;

  constructor(settings: CesApiOptions) {
    this.location = `${settings.endpoint}|${settings.projectId}`;
    this.base = `/v2/${encodeURIComponent(settings.projectId)}/resource-groups`;
    this.http = new HttpClient({
      baseURL: settings.endpoint.replace(/\/+$/, ""),
      headers: { "X-Auth-Token": settings.token },
      timeoutMs: settings.requestTimeoutMs,
      retry: settings.retry,
      credentialHint: settings.credentialHint,
      sleep: settings.sleep,
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
    return created ?? { ...spec, id: data.group_id, createTime: 0 };
  }

  /** The group, or undefined when it does not exist. */
  async getGroup(id: string): Promise<Group | undefined> {
    try {
      const { data } = await this.http.request<WireGroup>({
        method: "GET",
        path: `${this.base}/${encodeURIComponent(id)}`,
        operation: `read resource group ${id}`,
      });
      return fromWireGroup(data);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
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
    return (data.group_ids ?? []).includes(id);
  }

  async addMember(groupId: string, member: Member): Promise<void> {
    await this.http.request({
      method: "POST",
      path: `${this.base}/${encodeURIComponent(groupId)}/resources/batch-create`,
      // Adding a member that is already there is a no-op, so a second attempt is harmless.
      idempotent: true,
      operation: `add member ${memberKey(member)} to resource group ${groupId}`,
      body: toWireResources(member),
    });
  }

  async removeMember(groupId: string, member: Member): Promise<void> {
    try {
      await this.http.request({
        method: "POST",
        path: `${this.base}/${encodeURIComponent(groupId)}/resources/batch-delete`,
        idempotent: true,
        operation: `remove member ${memberKey(member)} from resource group ${groupId}`,
        body: toWireResources(member),
      });
    } catch (error) {
      // A member of a group that is gone is gone too.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  async hasMember(groupId: string, member: Member): Promise<boolean> {
    const wanted = memberKey(member);
    const first = member.dimensions[0];
    for (let offset = 0; ; offset += PAGE) {
      let data: WireMemberList;
      try {
        ({ data } = await this.http.request<WireMemberList>({
          method: "GET",
          path: `${this.base}/${encodeURIComponent(groupId)}/services/${encodeURIComponent(member.namespace)}/resources`,
          operation: `read members of resource group ${groupId}`,
          query: { offset, limit: PAGE, dim_name: first?.name, dim_value: first?.value },
        }));
      } catch (error) {
        if (error instanceof NotFoundError) return false;
        throw error;
      }
      const found = data.resources.some(
        (r) => memberKey({ namespace: member.namespace, dimensions: r.dimensions }) === wanted,
      );
      if (found) return true;
      if (offset + PAGE >= data.count || data.resources.length === 0) return false;
    }
  }
}
