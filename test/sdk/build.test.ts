/**
 * The checked-in SDKs compile: the Go SDK builds and passes `go vet` against
 * github.com/pulumi/pulumi/sdk/v3 (its own module, sdk/go/go.mod), the Python SDK byte-compiles, and
 * the Node.js SDK type-checks with the repository's TypeScript against the @pulumi/pulumi it installs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, SDK, run } from "./generatedFiles";

// A cold Go build cache compiles the Pulumi Go SDK and its dependencies first: minutes on 2 cores.
const TIMEOUT = 20 * 60 * 1000;

describe("the Go SDK", () => {
  const goSdk = join(SDK, "go");

  it(
    "builds against github.com/pulumi/pulumi/sdk/v3",
    () => {
      const result = run("go", ["build", "./..."], goSdk);
      // On failure the diff shows the tool's output.
      expect(result).toEqual({ code: 0, output: expect.any(String) as unknown });
    },
    TIMEOUT,
  );

  it(
    "passes go vet",
    () => {
      const result = run("go", ["vet", "./..."], goSdk);
      // On failure the diff shows the tool's output.
      expect(result).toEqual({ code: 0, output: expect.any(String) as unknown });
    },
    TIMEOUT,
  );
});

describe("the Python SDK", () => {
  let cache: string;
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), "rg-sdk-pyc-"));
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("byte-compiles", () => {
    // The byte code goes to a temporary folder, not beside the checked-in sources.
    const result = run("python3", ["-m", "compileall", "-q", "python"], SDK, { PYTHONPYCACHEPREFIX: cache });
    // On failure the diff shows the tool's output.
    expect(result).toEqual({ code: 0, output: expect.any(String) as unknown });
  });
});

describe("the Node.js SDK", () => {
  it(
    "type-checks with the repository's TypeScript",
    () => {
      const tsc = join(REPO, "node_modules", ".bin", "tsc");
      const result = run(tsc, ["-p", join(SDK, "nodejs", "tsconfig.json"), "--noEmit", "--pretty", "false"], REPO);
      // On failure the diff shows the tool's output.
      expect(result).toEqual({ code: 0, output: expect.any(String) as unknown });
    },
    TIMEOUT,
  );
});
