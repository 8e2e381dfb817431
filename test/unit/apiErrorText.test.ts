import { shownUrl } from "../../provider/core/http/client";
import { ApiConnectionError, apiErrorFor } from "../../provider/core/http/errors";

const target = {
  api: "the CES API",
  url: "https://ces.example",
  endpointHint: "stack config 'resourcegroups:endpoint'",
};

describe("API error texts", () => {
  it("say what was done, where, what the API answered and what to change", () => {
    const error = apiErrorFor(
      {
        operation: "read resource group rg1",
        status: 401,
        target,
        errorCode: "ces.0015",
        errorMsg: "Bad token.",
        requestId: "r1",
      },
      "stack config 'resourcegroups:token'",
    );
    expect(error.message).toBe(
      "read resource group rg1 failed: the CES API at https://ces.example answered HTTP 401 ces.0015: Bad token " +
        "(request id r1). Check the credential: stack config 'resourcegroups:token'",
    );
  });

  it("a 403 names the credential to change", () => {
    const error = apiErrorFor(
      { operation: "create resource group 'a'", status: 403, target },
      "RESOURCEGROUPS_TOKEN",
    );
    expect(error.message).toBe(
      "create resource group 'a' failed: the CES API at https://ces.example answered HTTP 403. The credential is " +
        "valid but lacks permission for this call: use one that has it (RESOURCEGROUPS_TOKEN)",
    );
  });

  it("no answer names the URL and the endpoint setting", () => {
    const error = new ApiConnectionError(
      "read resource group rg1",
      "connect ECONNREFUSED 10.0.0.1:443",
      target,
    );
    expect(error.message).toBe(
      "read resource group rg1 failed: no answer from the CES API at https://ces.example (connect ECONNREFUSED " +
        "10.0.0.1:443). Check the endpoint: stack config 'resourcegroups:endpoint'",
    );
  });

  it("show an endpoint without user, password or query", () => {
    expect(shownUrl("https://user:secret@ces.example/v4/?key=secret")).toBe("https://ces.example/v4");
    expect(shownUrl("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
  });
});
