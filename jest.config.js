/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/provider", "<rootDir>/emulator", "<rootDir>/policy", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.cache/"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
