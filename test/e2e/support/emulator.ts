/**
 * The emulator as the end-to-end tests use it: started on a free port with a temporary SQLite file
 * (optionally with a token of the test's choosing), and read back through the vendor API as an
 * outside observer would.
 */
import { startTestEmulator, type TestEmulator, type WireGroup } from "../../support/emulator";

export type { TestEmulator, WireGroup };

export interface WireMember {
  resource_name: string;
  dimensions: { name: string; value: string }[];
}

/** The shared test emulator, with a chosen token (the secrets test uses a unique one). */
export function startE2eEmulator(
  options: Parameters<typeof startTestEmulator>[0] = {},
): Promise<TestEmulator> {
  return startTestEmulator(options);
}

function expectOk(status: number, what: string, body: unknown): void {
  if (status !== 200) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
}

/** Every group of the project, paging through the list route; `count` is what the API reports. */
export async function listGroups(env: TestEmulator): Promise<{ count: number; groups: WireGroup[] }> {
  const groups: WireGroup[] = [];
  for (let offset = 0; ; offset += 100) {
    const { status, body } = await env.api<{ count: number; resource_groups: WireGroup[] }>(
      "GET",
      `?offset=${offset}&limit=100`,
    );
    expectOk(status, "list groups", body);
    groups.push(...body.resource_groups);
    if (groups.length >= body.count || body.resource_groups.length === 0) {
      return { count: body.count, groups };
    }
  }
}

/** One group with its tags, or undefined when the API does not know it (404). */
export async function getGroup(env: TestEmulator, groupId: string): Promise<WireGroup | undefined> {
  const { status, body } = await env.api<WireGroup>("GET", `/${groupId}`);
  if (status === 404) return undefined;
  expectOk(status, `show group ${groupId}`, body);
  return body;
}

/** The members of a group in one namespace, through `GET /{id}/services/{namespace}/resources`. */
export async function listMembers(
  env: TestEmulator,
  groupId: string,
  namespace = "SYS.ECS",
): Promise<{ count: number; members: WireMember[] }> {
  const members: WireMember[] = [];
  for (let offset = 0; ; offset += 100) {
    const { status, body } = await env.api<{ count: number; resources: WireMember[] }>(
      "GET",
      `/${groupId}/services/${namespace}/resources?offset=${offset}&limit=100`,
    );
    expectOk(status, `list members of ${groupId}`, body);
    members.push(...body.resources);
    if (members.length >= body.count || body.resources.length === 0) return { count: body.count, members };
  }
}

/** Routes of the emulator's stats that write (POST, PUT, DELETE), with their counts. */
export function writeRoutes(byRoute: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byRoute).filter(([key]) => /^(POST|PUT|DELETE) /.test(key)));
}
