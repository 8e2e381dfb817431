/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/provider", "<rootDir>/emulator", "<rootDir>/policy", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // The packages import each other by name; the tests run their sources, not the built dist/.
  moduleNameMapper: {
    "^pulumi-resource-groups/contracts$": "<rootDir>/provider/contracts.ts",
    "^pulumi-resource-groups/contracts/(.*)$": "<rootDir>/provider/vendors/$1/contracts.ts",
    "^pulumi-resource-groups-emulator$": "<rootDir>/emulator/index.ts",
  },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.*/dist/", "<rootDir>/.cache/"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
