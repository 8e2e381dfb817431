/** The Strongly FinOps resource-group API (docs/vendors/strongly.md). */
import { HttpClient, commonHttpOptions, type ClientOptions } from "../../core/http/client";
import { settingSpec, where } from "../../core/settings";
import { ApiConflictError, type ApiErrorDetails } from "../../core/http/errors";
import { SCOPES, STRONGLY_LIMITS, type MemberType } from "pulumi-resource-groups-contracts/strongly/plain";
import { processWideReads } from "../../core/sharedReads";
import {
  fromWireGroup,
  sameGroupName,
  type StronglyGroup,
  type WireCreated,
  type WireError,
  type WireGroup,
  type WireList,
  type WireMember,
} from "pulumi-resource-groups-contracts/strongly/plain";

export interface StronglyApiOptions extends ClientOptions {
  /** The instance URL, e.g. https://acme.strongly.ai. */
  endpoint: string;
  apiKey: string;
}

export interface GroupChange {
  name?: string;
  description?: string;
}

const BASE = "/api/v1/finops/resource-groups";
const PAGE = STRONGLY_LIMITS.listLimitMax;

/** How long a finished group read is reused: long enough to cover one refresh of a large group. */
export const GROUP_READ_WINDOW_MS = 5_000;

/** Shared by every client of the process; keys name the vendor, the endpoint and the group. */
const groupReads = processWideReads<StronglyGroup | undefined>(GROUP_READ_WINDOW_MS);

/** Operations are phrased by this module; those that change something start with one of these verbs. */
const WRITE_OPERATION = /^(create|update|delete|add|remove)\b/;

/** A 403 `scope-required` names the scope the call needs, so the user knows which key to use. */
function scopeHint(details: ApiErrorDetails, credentialHint: string): string | undefined {
  if (details.errorCode !== "scope-required") return undefined;
  const scope = WRITE_OPERATION.test(details.operation) ? SCOPES.write : SCOPES.read;
  return `The API key lacks the scope ${scope} that this call needs: use a key that has it (${credentialHint})`;
}

const memberLabel = (type: MemberType, resourceId: string) => `${type} ${resourceId}`;

export class StronglyApi {
  private readonly http: HttpClient;

  constructor(private readonly options: StronglyApiOptions) {
    this.http = new HttpClient({
      ...commonHttpOptions(options),
      api: "the Strongly API",
      endpointHint: where(settingSpec("stronglyEndpoint")),
      baseURL: options.endpoint.replace(/\/+$/, ""),
      headers: { "X-API-Key": options.apiKey },
      parseError: (body) => {
        const wire = (typeof body === "object" && body !== null ? body : {}) as WireError;
        return { errorCode: wire.error?.code, errorMsg: wire.error?.message };
      },
      permissionHint: (details) => scopeHint(details, options.credentialHint),
    });
  }

  /** Lock and cache key of one group: ids are unique only within an instance. */
  groupKey(groupId: string): string {
    return `strongly|${this.options.endpoint}|${groupId}`;
  }

  private path(groupId: string, rest = ""): string {
    return `${BASE}/${encodeURIComponent(groupId)}${rest}`;
  }

  /** Creates the group; a retry after a lost answer finds the group the first attempt made by its name. */
  async createGroup(name: string, description: string): Promise<StronglyGroup> {
    const { data } = await this.http.request<WireCreated>({
      method: "POST",
      path: BASE,
      operation: `create resource group '${name}'`,
      body: { name, description },
      beforeRetry: async () => {
        const existing = await this.findGroupByName(name);
        return existing ? { data: { resourceGroupId: existing.id } } : undefined;
      },
    });
    const created = await this.getGroup(data.resourceGroupId).catch(() => undefined);
    // The group exists even if reading it back failed: its id must reach the state, or it is orphaned.
    return (
      created ?? {
        id: data.resourceGroupId,
        name: name.trim(),
        description,
        status: "",
        ownerId: "",
        organizationId: "",
        members: [],
        createdAt: "",
        updatedAt: "",
      }
    );
  }

  /** The group as it is now, or undefined when it does not exist. */
  async getGroup(id: string): Promise<StronglyGroup | undefined> {
    const found = await this.http.requestIfFound<WireGroup>({
      method: "GET",
      path: this.path(id),
      operation: `read resource group ${id}`,
    });
    return found && fromWireGroup(found.data);
  }

  /** The group, read once for all the resources that ask within a short window (see SharedReads). */
  readGroup(id: string): Promise<StronglyGroup | undefined> {
    return groupReads.get(this.groupKey(id), () => this.getGroup(id));
  }

  /**
   * The group of this name, compared as the API compares names (trimmed, ignoring case). `search`
   * matches substrings of names and descriptions, so the candidates are paged through for the exact one.
   */
  async findGroupByName(name: string): Promise<StronglyGroup | undefined> {
    for (let offset = 0; ; offset += PAGE) {
      const { data } = await this.http.request<WireList>({
        method: "GET",
        path: BASE,
        operation: `look up resource group '${name}'`,
        query: { search: name.trim(), limit: PAGE, offset },
      });
      const match = data.items.find((g) => sameGroupName(g.name, name));
      if (match) return this.getGroup(match._id);
      if (offset + PAGE >= data.count || data.items.length === 0) return undefined;
    }
  }

  async updateGroup(id: string, change: GroupChange): Promise<StronglyGroup> {
    const { data } = await groupReads.writing(this.groupKey(id), () =>
      this.http.request<WireGroup>({
        method: "PUT",
        path: this.path(id),
        operation: `update resource group ${id}`,
        body: change,
      }),
    );
    return fromWireGroup(data);
  }

  /** Deletes the group and its members; deleting one that is already gone succeeds. */
  async deleteGroup(id: string): Promise<void> {
    await groupReads.writing(this.groupKey(id), () =>
      this.http.deleteIfPresent(this.path(id), `delete resource group ${id}`),
    );
  }

  /**
   * Adds the member and returns it as the group holds it. A member already in the group (409
   * `resource-exists`, as when an earlier attempt's answer was lost) counts as added: the group's copy
   * is returned, whose name may differ from the one asked for. That also makes a retry safe.
   */
  addMember(groupId: string, member: WireMember): Promise<WireMember> {
    const label = memberLabel(member.type, member.resourceId);
    return groupReads.writing(this.groupKey(groupId), async () => {
      try {
        await this.http.request<WireGroup>({
          method: "POST",
          path: this.path(groupId, "/resources"),
          operation: `add member ${label} to resource group ${groupId}`,
          body: { type: member.type, resourceId: member.resourceId, name: member.name },
          idempotent: true,
        });
        return { ...member };
      } catch (error) {
        if (!(error instanceof ApiConflictError && error.errorCode === "resource-exists")) throw error;
        const held = (await this.getGroup(groupId))?.members.find(
          (m) => m.type === member.type && m.resourceId === member.resourceId,
        );
        // Gone again between the two calls: someone removed it; the caller's next add settles it.
        if (!held) throw error;
        return held;
      }
    });
  }

  /** Removes the member; removing one that is not there, or from a group that is gone, succeeds. */
  async removeMember(groupId: string, type: MemberType, resourceId: string): Promise<void> {
    await groupReads.writing(this.groupKey(groupId), () =>
      this.http.deleteIfPresent(
        this.path(groupId, `/resources/${encodeURIComponent(resourceId)}`),
        `remove member ${memberLabel(type, resourceId)} from resource group ${groupId}`,
        { resourceType: type },
      ),
    );
  }
}
