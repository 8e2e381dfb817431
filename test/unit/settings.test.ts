import { ConfigurationError } from "../../provider/core/errors";
import { configure, resetSettings, resolveSettings } from "../../provider/runtime";

const env = {
  RESOURCEGROUPS_ENDPOINT: "http://127.0.0.1:8787",
  RESOURCEGROUPS_PROJECT_ID: "proj-1",
  RESOURCEGROUPS_TOKEN: "t0ken",
};

afterEach(() => resetSettings());

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("provider settings", () => {
  it("reads the environment and fills defaults", () => {
    expect(resolveSettings(env)).toEqual({
      backend: "ces",
      endpoint: "http://127.0.0.1:8787",
      projectId: "proj-1",
      token: "t0ken",
      requestTimeoutMs: 30000,
      maxRetries: 4,
    });
  });

  it("prefers stack config over the environment", async () => {
    const config: Record<string, string> = {
      "resourcegroups:projectId": "from-stack",
      "resourcegroups:maxRetries": "2",
    };
    await configure({ config: { get: (key) => config[key] } });
    expect(resolveSettings(env)).toMatchObject({ projectId: "from-stack", maxRetries: 2, token: "t0ken" });
  });

  it("names the config key and the environment variable of every missing setting", () => {
    expect(() => resolveSettings({})).toThrow(ConfigurationError);
    const message = messageOf(() =>
      resolveSettings({ RESOURCEGROUPS_ENDPOINT: env.RESOURCEGROUPS_ENDPOINT }),
    );
    expect(message).toContain("'resourcegroups:projectId'");
    expect(message).toContain("RESOURCEGROUPS_PROJECT_ID");
    expect(message).toContain("pulumi config set --secret resourcegroups:token");
    expect(message).toContain("RESOURCEGROUPS_TOKEN");
    expect(message).not.toContain("endpoint:");
  });

  it("explains a malformed setting without echoing the token", () => {
    expect(() =>
      resolveSettings({ ...env, RESOURCEGROUPS_ENDPOINT: "ftp://x", RESOURCEGROUPS_MAX_RETRIES: "x" }),
    ).toThrow(/endpoint must be an http\(s\) URL .*RESOURCEGROUPS_ENDPOINT.*maxRetries must be a number/);
    const message = messageOf(() => resolveSettings({ ...env, RESOURCEGROUPS_ENDPOINT: "nope" }));
    expect(message).toContain("endpoint must be an http(s) URL");
    expect(message).not.toContain("t0ken");
  });
});

describe("empty settings", () => {
  afterEach(() => resetSettings());

  it("treats an empty value as unset, so defaults and lower sources apply", async () => {
    await configure({ config: { get: (key) => (key === "resourcegroups:token" ? "" : undefined) } });
    expect(resolveSettings({ ...env, RESOURCEGROUPS_MAX_RETRIES: "" })).toMatchObject({
      maxRetries: 4,
      token: "t0ken",
    });
  });
});
