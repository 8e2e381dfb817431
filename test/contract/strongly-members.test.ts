/** Section 00, Strongly: adding and removing group members, their rules and the 500-member limit. */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { removeDb, tempDbPath } from "./helpers";
import { StronglyClient, expectStronglyError, resetStrongly } from "../support/strongly";

let emulator: RunningEmulator;
let api: StronglyClient;
const db = tempDbPath("strongly-members");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db });
  api = new StronglyClient(emulator);
});
afterAll(async () => {
  await emulator.close();
  removeDb(db);
});
beforeEach(() => resetStrongly(emulator));

const TYPES = [
  "app",
  "addon",
  "workflow",
  "workspace",
  "ml_model",
  "self_hosted_model",
  "automl",
  "fine_tuning",
];
const member = (resourceId: string, type = "workflow", name = `name of ${resourceId}`) => ({
  type,
  resourceId,
  name,
});

describe("POST /resource-groups/:id/resources", () => {
  it("answers 200 with the full group, members in the order added", async () => {
    const id = await api.createOk("Members");
    const first = await api.addMember(id, member("wf_001", "workflow", "ingest-pipeline"));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ _id: id, name: "Members", status: "active" });
    expect(first.json.resources).toEqual([
      { type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" },
    ]);
    const second = await api.addMember(id, member("a-1", "app"));
    expect(second.json.resources.map((m) => m.resourceId)).toEqual(["wf_001", "a-1"]);
    expect((await api.show(id)).json.resources).toEqual(second.json.resources);
  });

  it("takes each of the eight types; the same resource id under two types is two members", async () => {
    const id = await api.createOk("Types");
    for (const type of TYPES) expect((await api.addMember(id, member("shared", type))).status).toBe(200);
    expect((await api.show(id)).json.resources.map((m) => m.type)).toEqual(TYPES);
  });

  it("refuses another type, naming the field", async () => {
    const id = await api.createOk("Bad type");
    expectStronglyError(
      await api.addMember(id, member("x", "database")),
      400,
      "validation-error",
      /^type must be one of app, addon/,
    );
  });

  it("takes resource ids of 1 and 128 letters, digits, '_' or '-', refusing others", async () => {
    const id = await api.createOk("Ids");
    expect((await api.addMember(id, member("a"))).status).toBe(200);
    expect((await api.addMember(id, member("A_b-9".padEnd(128, "z")))).status).toBe(200);
    expectStronglyError(
      await api.addMember(id, member("")),
      400,
      "validation-error",
      /resourceId must not be empty/,
    );
    expectStronglyError(
      await api.addMember(id, member("z".repeat(129))),
      400,
      "validation-error",
      /resourceId must have at most 128 characters \(got 129\)/,
    );
    expectStronglyError(
      await api.addMember(id, member("a.b")),
      400,
      "validation-error",
      /resourceId may contain only/,
    );
  });

  it("takes names of 1 and 200 characters, refusing 0 and 201", async () => {
    const id = await api.createOk("Names");
    expect((await api.addMember(id, member("n1", "app", "n"))).status).toBe(200);
    expect((await api.addMember(id, member("n200", "app", "n".repeat(200)))).status).toBe(200);
    expectStronglyError(
      await api.addMember(id, member("n0", "app", "")),
      400,
      "validation-error",
      /name must not be empty/,
    );
    expectStronglyError(
      await api.addMember(id, member("n201", "app", "n".repeat(201))),
      400,
      "validation-error",
      /name must have at most 200 characters \(got 201\)/,
    );
  });

  it("requires all three fields and refuses others", async () => {
    const id = await api.createOk("Required");
    expectStronglyError(
      await api.addMember(id, { type: "app", name: "x" }),
      400,
      "validation-error",
      /resourceId is required/,
    );
    expectStronglyError(
      await api.addMember(id, { resourceId: "x", name: "x" }),
      400,
      "validation-error",
      /type/,
    );
    expectStronglyError(
      await api.addMember(id, { type: "app", resourceId: "x" }),
      400,
      "validation-error",
      /name is required/,
    );
    expectStronglyError(
      await api.addMember(id, { ...member("x"), cost: 1 }),
      400,
      "validation-error",
      /unknown field 'cost'/,
    );
    expectStronglyError(await api.call("POST", `/${id}/resources`, { raw: "" }), 400, "validation-error");
  });

  it("answers 409 resource-exists for a (type, resourceId) already there, whatever the name", async () => {
    const id = await api.createOk("Exists");
    await api.addMember(id, member("wf_1", "workflow", "first"));
    expectStronglyError(
      await api.addMember(id, member("wf_1", "workflow", "other")),
      409,
      "resource-exists",
      /wf_1/,
    );
    expect((await api.show(id)).json.resources).toEqual([
      { type: "workflow", resourceId: "wf_1", name: "first" },
    ]);
  });

  it("holds 500 members; the 501st answers limit-exceeded, but a repeat still answers resource-exists", async () => {
    const id = await api.createOk("Full");
    for (let i = 0; i < 500; i++) expect((await api.addMember(id, member(`r${i}`, "app"))).status).toBe(200);
    expectStronglyError(await api.addMember(id, member("r500", "app")), 400, "limit-exceeded", /at most 500/);
    expectStronglyError(await api.addMember(id, member("r7", "app")), 409, "resource-exists");
    expect((await api.show(id)).json.resources).toHaveLength(500);
    await api.removeMember(id, "r0", "app");
    expect((await api.addMember(id, member("r500", "app"))).status).toBe(200);
  });

  it("answers 404 not-found for an unknown group", async () => {
    expectStronglyError(await api.addMember("rg_0000000000000000", member("x")), 404, "not-found");
  });
});

describe("DELETE /resource-groups/:id/resources/:subId", () => {
  it("removes the member of that type and answers 200 with the full group", async () => {
    const id = await api.createOk("Removal");
    await api.addMember(id, member("same", "app"));
    await api.addMember(id, member("same", "addon"));
    await api.addMember(id, member("other", "app"));
    const reply = await api.removeMember(id, "same", "app");
    expect(reply.status).toBe(200);
    expect(reply.json._id).toBe(id);
    expect(reply.json.resources).toEqual([member("same", "addon"), member("other", "app")]);
  });

  it("needs the resourceType query, one of the eight types", async () => {
    const id = await api.createOk("Query");
    await api.addMember(id, member("x", "app"));
    expectStronglyError(await api.removeMember(id, "x"), 400, "validation-error", /resourceType is required/);
    expectStronglyError(
      await api.removeMember(id, "x", "database"),
      400,
      "validation-error",
      /resourceType must be one of/,
    );
    expect((await api.show(id)).json.resources).toHaveLength(1);
  });

  it("answers 404 resource-not-found for a member not in the group, and not-found for an unknown group", async () => {
    const id = await api.createOk("Absent");
    await api.addMember(id, member("x", "app"));
    expectStronglyError(await api.removeMember(id, "x", "addon"), 404, "resource-not-found", /x/);
    expectStronglyError(await api.removeMember(id, "y", "app"), 404, "resource-not-found");
    expectStronglyError(await api.removeMember("rg_0000000000000000", "x", "app"), 404, "not-found");
  });

  it("moves updatedAt forward on every member change", async () => {
    const id = await api.createOk("Touch");
    const created = (await api.show(id)).json.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const added = (await api.addMember(id, member("t", "app"))).json.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const removed = (await api.removeMember(id, "t", "app")).json.updatedAt;
    expect(added > created && removed > added).toBe(true);
  });
});
