/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: [
    "<rootDir>/contracts",
    "<rootDir>/provider",
    "<rootDir>/emulator",
    "<rootDir>/policy",
    "<rootDir>/test",
  ],
  testMatch: ["**/*.test.ts"],
  // Transpile only: the types are checked by `npm run typecheck` before jest runs (in npm test and
  // scripts/test-on-node.sh); checking them again in every worker took 2.7 times the CPU (test/unit:
  // 37 s of CPU against 14 s).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // The packages import each other by name; the tests run their sources, not the built dist/.
  moduleNameMapper: {
    "^pulumi-resource-groups/contracts$": "<rootDir>/provider/contracts/index.ts",
    "^pulumi-resource-groups/contracts/(.*)$": "<rootDir>/provider/contracts/$1.ts",
    "^pulumi-resource-groups-contracts$": "<rootDir>/contracts/index.ts",
    "^pulumi-resource-groups-contracts/kinds$": "<rootDir>/contracts/kinds.ts",
    "^pulumi-resource-groups-contracts/constants$": "<rootDir>/contracts/constants.ts",
    "^pulumi-resource-groups-contracts/settings$": "<rootDir>/contracts/settings.ts",
    "^pulumi-resource-groups-contracts/arguments$": "<rootDir>/contracts/core/arguments.ts",
    "^pulumi-resource-groups-contracts/(ces|cloudflare|strongly|zopnight)/plain$":
      "<rootDir>/contracts/vendors/$1/plain.ts",
    "^pulumi-resource-groups-contracts/(.*)$": "<rootDir>/contracts/vendors/$1/index.ts",
    "^pulumi-resource-groups-emulator$": "<rootDir>/emulator/index.ts",
  },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.*/dist/", "<rootDir>/.cache/"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
