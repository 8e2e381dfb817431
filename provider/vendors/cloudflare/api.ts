/** The Cloudflare IAM resource-group API (docs/vendors/cloudflare.md). */
import { HttpClient, commonHttpOptions, type ClientOptions } from "../../core/http/client";
import { settingSpec, where } from "../../core/settings";
import { SharedReads } from "../../core/sharedReads";
import {
  fromWireGroup,
  toWireScope,
  type CloudflareGroup,
  type WireEnvelope,
  type WireGroup,
} from "pulumi-resource-groups-contracts/cloudflare/plain";

export interface CloudflareApiOptions extends ClientOptions {
  endpoint: string;
  token: string;
}

export interface GroupChange {
  name?: string;
  scopeKey: string;
  objects?: readonly string[];
}

/** Long enough to cover one refresh's burst of member reads, short enough never to hide drift. */
export const GROUP_READ_WINDOW_MS = 5_000;

export class CloudflareApi {
  private readonly http: HttpClient;
  /** Reads shared by the members of one group during a refresh; every write here forgets them. */
  private readonly groupReads = new SharedReads<CloudflareGroup | undefined>(GROUP_READ_WINDOW_MS);

  constructor(private readonly options: CloudflareApiOptions) {
    this.http = new HttpClient({
      ...commonHttpOptions(options),
      api: "the Cloudflare API",
      endpointHint: where(settingSpec("cloudflareEndpoint")),
      baseURL: options.endpoint.replace(/\/+$/, ""),
      headers: { Authorization: `Bearer ${options.token}` },
      parseError: (body) => {
        const errors = (body as Partial<WireEnvelope<unknown>> | undefined)?.errors ?? [];
        const first = errors[0];
        return {
          errorCode: first ? String(first.code) : undefined,
          errorMsg: errors.length
            ? errors
                .map((e) => (e.source?.pointer ? `${e.message} (at ${e.source.pointer})` : e.message))
                .join("; ")
            : undefined,
        };
      },
      permissionHint: () =>
        "The API token is valid but lacks permission for this call (it needs Account Settings Write), " +
        "or the group is the account's built-in one, which cannot be changed",
    });
  }

  /** Lock key of one group: ids are unique only within an endpoint and account. */
  lockKey(accountId: string, groupId: string): string {
    return `cloudflare|${this.options.endpoint}|${accountId}|${groupId}`;
  }

  private base(accountId: string): string {
    return `/accounts/${encodeURIComponent(accountId)}/iam/resource_groups`;
  }

  async findGroupByName(accountId: string, name: string): Promise<CloudflareGroup | undefined> {
    const { data } = await this.http.request<WireEnvelope<WireGroup[]>>({
      method: "GET",
      path: this.base(accountId),
      operation: `look up resource group '${name}' in account ${accountId}`,
      query: { name },
    });
    // The filter is an exact match; comparing again costs nothing and guards against a looser server.
    const found = data.result.find((g) => g.name === name);
    return found ? fromWireGroup(found) : undefined;
  }

  /** The group, read once for every member that asks within a short window (see SharedReads). */
  sharedGroup(accountId: string, id: string): Promise<CloudflareGroup | undefined> {
    return this.groupReads.get(this.lockKey(accountId, id), () => this.getGroup(accountId, id));
  }

  async getGroup(accountId: string, id: string): Promise<CloudflareGroup | undefined> {
    const found = await this.http.requestIfFound<WireEnvelope<WireGroup>>({
      method: "GET",
      path: `${this.base(accountId)}/${encodeURIComponent(id)}`,
      operation: `read resource group ${id}`,
    });
    return found && fromWireGroup(found.data.result);
  }

  /** Creates the group; a retry after a lost answer finds the group the first attempt made by its name. */
  async createGroup(
    accountId: string,
    name: string,
    scopeKey: string,
    objects: readonly string[],
  ): Promise<CloudflareGroup> {
    const { data } = await this.http.request<WireEnvelope<WireGroup>>({
      method: "POST",
      path: this.base(accountId),
      operation: `create resource group '${name}' in account ${accountId}`,
      body: { name, scope: toWireScope(scopeKey, objects) },
      beforeRetry: async () => {
        const existing = await this.findGroupByName(accountId, name);
        return existing ? { data: { result: { id: existing.id, name, scope: [] } } } : undefined;
      },
    });
    const created = fromWireGroup(data.result);
    if (created.scopeKey !== "") return created;
    // Found again after a lost answer: read it whole.
    return (await this.getGroup(accountId, created.id)) ?? created;
  }

  async updateGroup(accountId: string, id: string, change: GroupChange): Promise<CloudflareGroup> {
    this.groupReads.clear();
    const body: Record<string, unknown> = {};
    if (change.name !== undefined) body.name = change.name;
    if (change.objects !== undefined) body.scope = toWireScope(change.scopeKey, change.objects);
    const { data } = await this.http.request<WireEnvelope<WireGroup>>({
      method: "PUT",
      path: `${this.base(accountId)}/${encodeURIComponent(id)}`,
      operation: `update resource group ${id}`,
      body,
    });
    this.groupReads.clear();
    return fromWireGroup(data.result);
  }

  /** Deletes the group; deleting one that is already gone succeeds. */
  async deleteGroup(accountId: string, id: string): Promise<void> {
    this.groupReads.clear();
    await this.http.deleteIfPresent(
      `${this.base(accountId)}/${encodeURIComponent(id)}`,
      `delete resource group ${id}`,
    );
  }
}
