/** The Huawei Cloud Eye (CES) v2 resource-group API behind the neutral backend contract. */
import type { Group, GroupChange, GroupSpec, Member, ResourceGroupBackend } from "../backend";
import { memberKey } from "../members";
import { HttpClient } from "../../http/client";
import { NotFoundError } from "../../http/errors";
import type { RetryOptions } from "../../http/retry";
import { CES_LIMITS } from "../../schemas/ces/fields";
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

export interface CesSettings {
  endpoint: string;
  projectId: string;
  token: string;
  requestTimeoutMs: number;
  retry: RetryOptions;
  credentialHint: string;
  sleep?: (ms: number) => Promise<void>;
}

const PAGE = CES_LIMITS.listLimitMax;

export class CesBackend implements ResourceGroupBackend {
  readonly vendor = "CES";
  readonly maxTags = CES_LIMITS.tagsMax;
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(settings: CesSettings) {
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

  async deleteGroup(id: string): Promise<boolean> {
    const { data } = await this.http.request<{ group_ids?: string[] }>({
      method: "POST",
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
      operation: `add member ${memberKey(member)} to resource group ${groupId}`,
      body: toWireResources(member),
    });
  }

  async removeMember(groupId: string, member: Member): Promise<void> {
    try {
      await this.http.request({
        method: "POST",
        path: `${this.base}/${encodeURIComponent(groupId)}/resources/batch-delete`,
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
