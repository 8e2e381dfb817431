/**
 * The pack as the Pulumi CLI runs it, without the CLI: Pulumi's own `run-policy-pack` loads policy/
 * (compiling it with policy/tsconfig.json), index.ts starts the analyzer's gRPC server, and this test
 * talks to it like the engine does. It covers what the unit tests cannot: that the pack loads and type-
 * checks under Pulumi's runner, that index.ts registers every policy with its level and schema, and that
 * real (de)serialization of properties, unknowns and propertyDependencies reaches the policies.
 */
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { spawn } from "child_process";
import type { ChildProcess } from "child_process";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import * as path from "path";
import { ENGINE_UNKNOWN } from "./testing";
import { GROUP_MEMBER_TYPE, RESOURCE_GROUP_TYPE } from "./vendors/ces/resource-types";
import { CLOUDFLARE_GROUP_TYPE, CLOUDFLARE_MEMBER_TYPE } from "./vendors/cloudflare/resource-types";
import { STRONGLY_GROUP_TYPE, STRONGLY_MEMBER_TYPE } from "./vendors/strongly/resource-types";
import { ZOPNIGHT_GROUP_TYPE, ZOPNIGHT_MEMBER_TYPE } from "./vendors/zopnight/resource-types";

const PACK_DIR = __dirname;
const urn = (type: string, name: string) => `urn:pulumi:dev::demo::${type}::${name}`;

let pack: ChildProcess | undefined;
let client: AnalyzerClient;

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void) {
  return (error: grpc.ServiceError | null, response: T) => (error ? reject(error) : resolve(response));
}

/** The analyzer RPCs the engine calls, as promises. */
const rpc = {
  getAnalyzerInfo: () =>
    new Promise<analyzer.AnalyzerInfo>((ok, fail) => client.getAnalyzerInfo(new Empty(), settle(ok, fail))),
  configure: (request: analyzer.ConfigureAnalyzerRequest) =>
    new Promise<Empty>((ok, fail) => client.configure(request, settle(ok, fail))),
  analyze: (request: analyzer.AnalyzeRequest) =>
    new Promise<analyzer.AnalyzeResponse>((ok, fail) => client.analyze(request, settle(ok, fail))),
  remediate: (request: analyzer.AnalyzeRequest) =>
    new Promise<analyzer.RemediateResponse>((ok, fail) => client.remediate(request, settle(ok, fail))),
  analyzeStack: (request: analyzer.AnalyzeStackRequest) =>
    new Promise<analyzer.AnalyzeResponse>((ok, fail) => client.analyzeStack(request, settle(ok, fail))),
};

function options(): analyzer.AnalyzerResourceOptions {
  const result = new analyzer.AnalyzerResourceOptions();
  result.setProtect(false);
  return result;
}

function analyzeRequest(
  type: string,
  name: string,
  props: Record<string, JavaScriptValue>,
): analyzer.AnalyzeRequest {
  const request = new analyzer.AnalyzeRequest();
  request.setType(type);
  request.setName(name);
  request.setUrn(urn(type, name));
  request.setProperties(Struct.fromJavaScript(props));
  request.setOptions(options());
  return request;
}

function stackResource(
  type: string,
  name: string,
  props: Record<string, JavaScriptValue>,
  propertyDependencies: Record<string, string[]> = {},
): analyzer.AnalyzerResource {
  const resource = new analyzer.AnalyzerResource();
  resource.setType(type);
  resource.setName(name);
  resource.setUrn(urn(type, name));
  resource.setProperties(Struct.fromJavaScript(props));
  resource.setOptions(options());
  for (const [key, urns] of Object.entries(propertyDependencies)) {
    const dependencies = new analyzer.AnalyzerPropertyDependencies();
    dependencies.setUrnsList(urns);
    resource.getPropertydependenciesMap().set(key, dependencies);
  }
  return resource;
}

function messages(response: analyzer.AnalyzeResponse): string[] {
  return response
    .getDiagnosticsList()
    .map(
      (diagnostic) =>
        `${diagnostic.getPolicyname()}: ${diagnostic.getMessage().split("\n").slice(1).join(" ")}`,
    );
}

async function configure(config: Record<string, { level: number; props: Record<string, JavaScriptValue> }>) {
  const request = new analyzer.ConfigureAnalyzerRequest();
  for (const [name, { level, props }] of Object.entries(config)) {
    const policyConfig = new analyzer.PolicyConfig();
    policyConfig.setEnforcementlevel(level);
    policyConfig.setProperties(Struct.fromJavaScript(props));
    request.getPolicyconfigMap().set(name, policyConfig);
  }
  await rpc.configure(request);
}

beforeAll(async () => {
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
  const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: PACK_DIR, stdio: "pipe" });
  pack = child;
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`policy pack exited with ${code}:\n${stderr}`)));
  });
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(async () => {
  client?.close();
  if (pack && pack.exitCode === null) {
    const exited = new Promise((resolve) => pack?.once("exit", resolve));
    pack.kill();
    await exited;
  }
});

describe(`the pack run by Pulumi's run-policy-pack (${path.basename(PACK_DIR)}/)`, () => {
  it("registers every policy with its default level and config schema", async () => {
    const info = await rpc.getAnalyzerInfo();
    expect(info.getName()).toBe("pulumi-resource-groups");
    const levels = Object.fromEntries(
      info.getPoliciesList().map((policy) => [policy.getName(), policy.getEnforcementlevel()]),
    );
    const { ADVISORY, MANDATORY, REMEDIATE } = analyzer.EnforcementLevel;
    expect(levels).toEqual({
      "resource-groups-default-tags": REMEDIATE,
      "resource-groups-allowed-types": MANDATORY,
      "resource-groups-naming": ADVISORY,
      "resource-groups-one-membership-owner": MANDATORY,
      "resource-groups-allowed-tag-values": MANDATORY,
      "resource-groups-required-tag-keys": MANDATORY,
      "resource-groups-member-targets": MANDATORY,
      "resource-groups-member-targets-unverified": ADVISORY,
      "resource-groups-cloudflare-account-wide-scope": ADVISORY,
      "resource-groups-cloudflare-exclusive-members": MANDATORY,
      "resource-groups-strongly-description": ADVISORY,
      "resource-groups-strongly-member-types": MANDATORY,
      "resource-groups-zopnight-tier-order": ADVISORY,
    });
  });

  it("validates, remediates and checks the stack over gRPC, with unknowns and config", async () => {
    const { ADVISORY, MANDATORY, REMEDIATE } = analyzer.EnforcementLevel;
    await configure({
      "resource-groups-default-tags": { level: REMEDIATE, props: { defaults: { owner: "platform-team" } } },
      "resource-groups-allowed-tag-values": {
        level: MANDATORY,
        props: { rules: { env: { allowed: ["dev"] } } },
      },
      "resource-groups-naming": { level: ADVISORY, props: {} },
    });
    const web = {
      __provider: "serialized",
      name: "Web_Prod",
      type: "TAG",
      tags: [{ key: "env", value: "qa" }],
      enterpriseProjectId: ENGINE_UNKNOWN,
    };

    const remediation = await rpc.remediate(analyzeRequest(RESOURCE_GROUP_TYPE, "web", web));
    const remediated = remediation.getRemediationsList().map((r) => r.getProperties()?.toJavaScript());
    expect(remediated).toEqual([
      {
        ...web,
        tags: [
          { key: "env", value: "qa" },
          { key: "owner", value: "platform-team" },
        ],
      },
    ]);

    const analysis = await rpc.analyze(analyzeRequest(RESOURCE_GROUP_TYPE, "web", web));
    expect(messages(analysis)).toEqual([
      expect.stringMatching(
        /^resource-groups-default-tags: TAG group 'web' field tags is missing default tag\(s\)/,
      ),
      expect.stringMatching(
        /^resource-groups-naming: ResourceGroup 'web' field name 'Web_Prod' does not follow/,
      ),
      expect.stringMatching(
        /^resource-groups-allowed-tag-values: ResourceGroup 'web' field tags\[0\] \(key 'env'\)/,
      ),
    ]);

    const stack = new analyzer.AnalyzeStackRequest();
    const group = stackResource(RESOURCE_GROUP_TYPE, "web", { name: "web", type: "TAG", tags: [] });
    stack.setResourcesList([
      group,
      stackResource(
        GROUP_MEMBER_TYPE,
        "m1",
        { groupId: ENGINE_UNKNOWN, namespace: "SYS.ECS", dimensions: [] },
        { groupId: [group.getUrn()] },
      ),
    ]);
    const stackAnalysis = await rpc.analyzeStack(stack);
    expect(messages(stackAnalysis)).toEqual([
      expect.stringContaining(
        "resource-groups-required-tag-keys: TAG group 'web' is missing required tag key(s)",
      ),
      expect.stringContaining(
        "resource-groups-member-targets: GroupMember 'm1' field groupId targets ResourceGroup 'web'",
      ),
    ]);
  });

  it("checks the other vendors' resources with their contracts, loaded from pulumi-resource-groups", async () => {
    const { ADVISORY, MANDATORY } = analyzer.EnforcementLevel;
    await configure({
      "resource-groups-strongly-member-types": { level: MANDATORY, props: { allowed: ["app"] } },
      "resource-groups-naming": { level: ADVISORY, props: { pattern: "" } },
    });
    const resources: [string, Record<string, JavaScriptValue>][] = [
      [CLOUDFLARE_GROUP_TYPE, { name: " edge", wholeAccount: true }],
      [STRONGLY_GROUP_TYPE, { name: "data", description: ENGINE_UNKNOWN }],
      [STRONGLY_GROUP_TYPE, { name: "ml", description: "" }],
      [STRONGLY_MEMBER_TYPE, { groupId: ENGINE_UNKNOWN, type: "ml_model", resourceId: "m1", name: "m1" }],
      [ZOPNIGHT_GROUP_TYPE, { name: "z".repeat(101) }],
    ];
    const reported: string[] = [];
    for (const [index, [type, props]] of resources.entries()) {
      reported.push(...messages(await rpc.analyze(analyzeRequest(type, `r${index}`, props))));
    }
    expect(reported).toEqual([
      "resource-groups-naming: Cloudflare ResourceGroup 'r0' field name ' edge': name must not start or end with a space (vendor rule).",
      expect.stringMatching(
        /^resource-groups-cloudflare-account-wide-scope: Cloudflare ResourceGroup 'r0' \(name ' edge'\) field wholeAccount is true/,
      ),
      "resource-groups-strongly-description: Strongly ResourceGroup 'r2' field description is empty (or only spaces).",
      expect.stringMatching(
        /^resource-groups-strongly-member-types: Strongly GroupMember 'r3' field type is 'ml_model'/,
      ),
      expect.stringMatching(
        /^resource-groups-naming: ZopNight ResourceGroup 'r4' field name 'z+': name must have at most 100 characters/,
      ),
    ]);

    const stack = new analyzer.AnalyzeStackRequest();
    const edge = stackResource(CLOUDFLARE_GROUP_TYPE, "edge", {
      name: "edge",
      zones: ["a".repeat(32)],
      exclusive: true,
    });
    const app = stackResource(ZOPNIGHT_GROUP_TYPE, "app", { name: "app" });
    const onApp = (name: string, tier: string) =>
      stackResource(
        ZOPNIGHT_MEMBER_TYPE,
        name,
        { groupId: ENGINE_UNKNOWN, resource: `res_${name}`, executionTier: tier, executionOrder: 1 },
        { groupId: [app.getUrn()] },
      );
    stack.setResourcesList([
      edge,
      stackResource(
        CLOUDFLARE_MEMBER_TYPE,
        "extra",
        { groupId: ENGINE_UNKNOWN, zoneId: "b".repeat(32) },
        { groupId: [edge.getUrn()] },
      ),
      app,
      onApp("db", "tier-1"),
      onApp("web", "tier-3"),
    ]);
    expect(messages(await rpc.analyzeStack(stack))).toEqual([
      expect.stringContaining(
        "resource-groups-cloudflare-exclusive-members: Cloudflare GroupMember 'extra' field groupId targets Cloudflare ResourceGroup 'edge', which is exclusive",
      ),
      expect.stringContaining(
        "resource-groups-zopnight-tier-order: ZopNight ResourceGroup 'app' has members in tier-1, tier-3 but none in tier-2",
      ),
    ]);
  });

  it("fails loudly on a config it cannot use", async () => {
    await configure({
      "resource-groups-naming": { level: analyzer.EnforcementLevel.ADVISORY, props: { pattern: "(" } },
    });
    await expect(rpc.analyze(analyzeRequest(RESOURCE_GROUP_TYPE, "web", { name: "web" }))).rejects.toThrow(
      /invalid config for policy 'resource-groups-naming': 'pattern' is not a valid regular expression/,
    );
  });
});
