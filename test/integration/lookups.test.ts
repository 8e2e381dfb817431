/**
 * Each vendor's getResourceGroup against the real emulator, as a program calls it: settings from the
 * environment (no stack config outside a Pulumi run), a group found by name or by id, a named
 * connection, and the failures a user meets (no such group, neither name nor id).
 */
import * as pulumi from "@pulumi/pulumi";
import { ces, cloudflare, strongly, zopnight } from "../../provider/index";
import { resetSettings } from "../../provider/runtime";
import { LookupError } from "../../provider/core/lookup";
import { CLOUDFLARE_ACCOUNT, PROJECT, useEmulatorForProvider } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";

const emulator = useEmulatorForProvider(resetSettings);

const ZONE = "c".repeat(32);
const OTHER_PROJECT = "other-project";

afterEach(() => {
  delete process.env.RESOURCEGROUPS_CONNECTIONS;
});

describe("getResourceGroup finds a group the program does not manage", () => {
  it("at CES, by name and by id, in the configured project or through a connection", async () => {
    const made = await emulator().api<{ group_id: string }>("POST", "", {
      group_name: "shared-tagged",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    const expected = {
      id: made.body.group_id,
      groupId: made.body.group_id,
      name: "shared-tagged",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
      associationEpIds: [],
      enterpriseProjectId: "0",
      createTime: expect.any(Number) as unknown,
      projectId: PROJECT,
    };
    expect(await ces.getResourceGroup({ name: "shared-tagged" })).toEqual(expected);
    expect(await ces.getResourceGroup({ id: made.body.group_id })).toEqual(expected);

    const other = await emulator().call<{ group_id: string }>(
      "POST",
      `/v2/${OTHER_PROJECT}/resource-groups`,
      { group_name: "elsewhere", type: "Manual" },
      { "X-Auth-Token": emulator().emulator.tokens.ces },
    );
    await expect(ces.getResourceGroup({ name: "elsewhere" })).rejects.toThrow(
      `ces.getResourceGroup: CES has no resource group named 'elsewhere' in project ${PROJECT}`,
    );
    process.env.RESOURCEGROUPS_CONNECTIONS = JSON.stringify({ other: { projectId: OTHER_PROJECT } });
    expect(await ces.getResourceGroup({ name: "elsewhere", connection: "other" })).toMatchObject({
      id: other.body.group_id,
      projectId: OTHER_PROJECT,
    });
    expect(await ces.getResourceGroup({ name: "elsewhere", projectId: OTHER_PROJECT })).toMatchObject({
      id: other.body.group_id,
    });
  });

  it("at Cloudflare, in the configured account", async () => {
    const made = await emulator().cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
      name: "shared-scope",
      scope: {
        key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
        objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }],
      },
    });
    const expected = {
      id: made.body.result.id,
      groupId: made.body.result.id,
      accountId: CLOUDFLARE_ACCOUNT,
      name: "shared-scope",
      zones: [ZONE],
      wholeAccount: false,
      editable: true,
    };
    expect(await cloudflare.getResourceGroup({ name: "shared-scope" })).toEqual(expected);
    // The Output form, given an Output: resolved through the same look-up.
    const output = cloudflare.getResourceGroupOutput({ id: pulumi.output(made.body.result.id) });
    expect(await new Promise((resolve) => output.apply(resolve))).toEqual(expected);
  });

  it("at Strongly, by a name compared as the API compares names", async () => {
    const id = await new StronglyClient(emulator().emulator).createOk("Shared Costs", "Platform");
    const found = await strongly.getResourceGroup({ name: " shared costs " });
    expect(found).toMatchObject({
      id,
      groupId: id,
      name: "Shared Costs",
      description: "Platform",
      members: [],
    });
    expect(await strongly.getResourceGroup({ id })).toEqual(found);
  });

  it("at ZopNight, with the group's members", async () => {
    const zop = new ZopNightClient(emulator().emulator);
    const group = await zop.createOk("shared-nightly", "Nights");
    expect(
      (await zop.call("POST", `/resource-groups/${group.id}/resources/res_001`, { body: {} })).status,
    ).toBeLessThan(300);
    const found = await zopnight.getResourceGroup({ name: "SHARED-NIGHTLY" });
    expect(found).toMatchObject({
      id: group.id,
      name: "shared-nightly",
      description: "Nights",
      members: [{ resourceId: "res_001", executionTier: "tier-1", executionOrder: 1 }],
    });
    expect(await zopnight.getResourceGroup({ id: group.id })).toEqual(found);
  });
});

describe("getResourceGroup fails naming the vendor and what it looked for", () => {
  it.each([
    [
      "ces",
      () => ces.getResourceGroup({ name: "nowhere" }),
      `ces.getResourceGroup: CES has no resource group named 'nowhere' in project ${PROJECT}`,
    ],
    [
      "cloudflare",
      () => cloudflare.getResourceGroup({ name: "nowhere" }),
      `cloudflare.getResourceGroup: Cloudflare has no resource group named 'nowhere' in account ${CLOUDFLARE_ACCOUNT}`,
    ],
    [
      "strongly",
      () => strongly.getResourceGroup({ name: "nowhere" }),
      "strongly.getResourceGroup: Strongly has no resource group named 'nowhere'",
    ],
    [
      "zopnight",
      () => zopnight.getResourceGroup({ id: "grp_000000000000" }),
      "zopnight.getResourceGroup: ZopNight has no resource group with id 'grp_000000000000'",
    ],
  ])("%s", async (_vendor, lookup, message) => {
    await expect(lookup()).rejects.toThrow(LookupError);
    await expect(lookup()).rejects.toThrow(message);
  });

  it("when given neither a name nor an id, or both", async () => {
    await expect(ces.getResourceGroup({})).rejects.toThrow(
      "ces.getResourceGroup: give the group's name or its id (exactly one of them)",
    );
    await expect(strongly.getResourceGroup({ name: "a", id: "b" })).rejects.toThrow("exactly one of them");
  });

  it("when the connection is not defined, naming the ones there are", async () => {
    process.env.RESOURCEGROUPS_CONNECTIONS = JSON.stringify({ eu: { projectId: OTHER_PROJECT } });
    await expect(ces.getResourceGroup({ name: "x", connection: "us" })).rejects.toThrow(
      "connection 'us' is not defined: the connections are 'eu'",
    );
  });
});
