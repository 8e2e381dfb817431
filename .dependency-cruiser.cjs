/**
 * The architecture as rules, checked by `npm run lint`: which part of the repository may import which.
 * Workspace package names resolve to their sources through the `paths` of tsconfig.json, so importing
 * `pulumi-resource-groups` counts as importing provider/, whatever the form of the import.
 * Violations known when a rule came in are listed in .dependency-cruiser-known-violations.json; they
 * are reported but do not fail the lint, and new ones do.
 */

/** Test files: they are not part of what a workspace ships, so they may read files or start servers. */
const TESTS = "\\.test\\.ts$";

/** The npm workspaces. */
const WORKSPACES = ["contracts", "provider", "emulator", "policy"];

/** A path pattern for anything inside one of `workspaces`. */
const inWorkspaces = (workspaces) => `^(${workspaces.join("|")})/`;

/** `workspace` may import the contracts and itself, no other workspace. */
function importsOnlyContracts(workspace, comment) {
  return {
    name: `${workspace}-imports-only-contracts`,
    comment,
    severity: "error",
    from: { path: `^${workspace}/` },
    to: { path: inWorkspaces(WORKSPACES.filter((other) => other !== "contracts" && other !== workspace)) },
  };
}

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-import-cycle",
      comment:
        "A cycle, through type imports too, leaves no module that can be read, tested or changed alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-package-cycle",
      comment:
        "The provider is the top workspace (its 0.1.0 path /emulator re-exports the emulator): one importing it back would close a package cycle.",
      severity: "error",
      from: { path: inWorkspaces(WORKSPACES.filter((workspace) => workspace !== "provider")) },
      to: { path: "^provider/" },
    },
    {
      name: "contracts-import-only-zod",
      comment:
        "Every workspace builds on the contracts, which ship with zod as their one dependency (scripts/ runs at build time and is not shipped).",
      severity: "error",
      from: { path: "^contracts/", pathNot: [TESTS, "^contracts/scripts/"] },
      to: { pathNot: "^(contracts/|node_modules/zod/)" },
    },
    importsOnlyContracts(
      "emulator",
      "The emulator stands in for the vendors: sharing the provider's code would hide the provider's bugs.",
    ),
    importsOnlyContracts(
      "policy",
      "The policy pack judges programs by the vendors' rules, which are the contracts, not the provider.",
    ),
    {
      name: "plugin-builds-on-provider-and-contracts",
      comment:
        "The provider plugin serves the provider's own handlers and the contracts' schemas, nothing of the emulator or the policy pack.",
      severity: "error",
      from: { path: "^plugin/" },
      to: { path: "^(emulator|policy)/" },
    },
    {
      name: "nothing-imports-the-plugin",
      comment:
        "The plugin is a program the engine starts: the packages stand without it (its tests may read it).",
      severity: "error",
      from: { pathNot: ["^plugin/", TESTS] },
      to: { path: "^plugin/" },
    },
    {
      name: "provider-core-knows-no-vendor",
      comment:
        "The provider's core is vendor-neutral: the vendors and the runtime build on it, never the reverse.",
      severity: "error",
      from: { path: "^provider/core/" },
      to: { path: "^provider/(vendors|runtime)/" },
    },
    {
      name: "vendors-stay-apart",
      comment:
        "All of one vendor is in its folder: what two vendors share belongs in core/ or in the contracts.",
      severity: "error",
      from: { path: "^(provider|emulator|policy)/vendors/([^/]+)/" },
      to: { path: "^$1/vendors/", pathNot: "^$1/vendors/$2/" },
    },
  ],
  options: {
    exclude: { path: `${inWorkspaces([...WORKSPACES, "plugin"])}dist/` },
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a cycle through types is a cycle of the design all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
