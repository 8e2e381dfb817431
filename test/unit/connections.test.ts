import { runInConnection, definedConnections, requireConnection } from "../../provider/core/connections";
import { configure, rawSetting, resetSettings, settingSpec, where } from "../../provider/core/settings";

const TOKEN = settingSpec("token");
const TIMEOUT = settingSpec("requestTimeoutMs");

function useStackConfig(values: Record<string, unknown>): void {
  void configure({ config: { get: (key) => values[key] } });
}

afterEach(() => resetSettings());

describe("connections", () => {
  test("a connection's settings win inside it; what it leaves out comes from the default settings", () => {
    useStackConfig({
      "resourcegroups:token": "default-token",
      "resourcegroups:requestTimeoutMs": "1500",
      "resourcegroups:connections": { eu: { token: "eu-token" } },
    });
    expect(rawSetting(TOKEN, {})).toBe("default-token");
    runInConnection("eu", () => {
      expect(rawSetting(TOKEN, {})).toBe("eu-token");
      expect(rawSetting(TIMEOUT, {})).toBe("1500");
    });
  });

  test("the engine's JSON text and secret wrappers are read as the object they stand for", () => {
    const secret = (value: unknown) => ({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value,
    });
    useStackConfig({
      "resourcegroups:connections": JSON.stringify({ eu: { maxRetries: 2 } }),
    });
    expect(definedConnections({}).get("eu")?.get("maxRetries")).toBe("2");
    useStackConfig({ "resourcegroups:connections": secret({ eu: { token: secret("eu-token") } }) });
    expect(definedConnections({}).get("eu")?.get("token")).toBe("eu-token");
  });

  test("RESOURCEGROUPS_CONNECTIONS gives connections as JSON; the stack config wins per setting", () => {
    useStackConfig({ "resourcegroups:connections": { eu: { token: "from-config" } } });
    const env = {
      RESOURCEGROUPS_CONNECTIONS: JSON.stringify({
        eu: { token: "from-env", endpoint: "https://eu.example" },
        us: { token: "us-token" },
      }),
    };
    const eu = definedConnections(env).get("eu");
    expect(eu?.get("token")).toBe("from-config");
    expect(eu?.get("endpoint")).toBe("https://eu.example");
    expect([...definedConnections(env).keys()].sort()).toEqual(["eu", "us"]);
  });

  test("an undefined name fails naming the defined ones and where to define it", () => {
    useStackConfig({ "resourcegroups:connections": { eu: {}, us: {} } });
    expect(() => requireConnection("moon", {})).toThrow(
      "connection 'moon' is not defined: the connections are 'eu', 'us'; define it in stack config 'resourcegroups:connections'",
    );
    resetSettings();
    expect(() => requireConnection("moon", {})).toThrow(
      "connection 'moon' is not defined: no connection is;",
    );
  });

  test.each([
    [
      { eu: { tokne: "x" } },
      "connection 'eu' sets 'tokne', which is not a setting a connection takes (one of: endpoint,",
    ],
    [{ "1eu": {} }, "connection name '1eu' must be a letter, then up to 63 letters, digits, '_' or '-'"],
    [{ eu: "token" }, "connection 'eu' must be an object of settings"],
    [{ eu: { token: ["a"] } }, "connection 'eu' setting 'token' must be a string"],
    ["[1, 2]", "must be an object from connection name to settings"],
    ["{not json", "must be a JSON object of connections (it is not JSON)"],
  ])("refuses %j, saying why", (connections, message) => {
    useStackConfig({ "resourcegroups:connections": connections });
    expect(() => definedConnections({})).toThrow(message);
  });

  test("messages inside a connection say where to set the setting in it, and the default", () => {
    useStackConfig({ "resourcegroups:connections": { eu: {} } });
    runInConnection("eu", () => {
      expect(where(TOKEN)).toBe(
        "connection 'eu' (pulumi config set --path --secret 'resourcegroups:connections.eu.token' <value>), " +
          "else the default: stack config 'resourcegroups:token' (pulumi config set --secret resourcegroups:token <value>) " +
          "or environment variable RESOURCEGROUPS_TOKEN",
      );
    });
  });

  test("a setting read in a connection that is not defined fails instead of taking the default", () => {
    useStackConfig({ "resourcegroups:token": "default-token" });
    runInConnection("eu", () => {
      expect(() => rawSetting(TOKEN, {})).toThrow("connection 'eu' is not defined");
    });
  });
});
