import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONNECTIONS_SETTING, SETTINGS } from "pulumi-resource-groups-contracts/settings";

const README = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

/** The row of the README's settings table for a config key. */
function rowOf(key: string): string | undefined {
  return README.split("\n").find((line) => line.startsWith(`| \`${key}\` `));
}

describe("the README's settings table and the contracts' table of settings", () => {
  test.each(Object.entries(SETTINGS))("%s: a row with its variables, default and secrecy", (key, setting) => {
    const row = rowOf(key);
    expect(row).toBeDefined();
    for (const variable of setting.env) expect(row).toContain(`\`${variable}\``);
    const cells = (row ?? "").split("|").map((cell) => cell.trim());
    const defaultValue = (setting as { default?: string }).default;
    expect(cells[3]).toBe(defaultValue === undefined ? "none" : `\`${defaultValue}\``);
    expect(cells[4]).toBe((setting as { secret?: boolean }).secret ? "**yes**" : "no");
  });

  test("the connections row names its variable", () => {
    expect(rowOf(CONNECTIONS_SETTING.key)).toContain(`\`${CONNECTIONS_SETTING.env}\``);
  });

  test("every row of the table is a setting of the contracts", () => {
    const start = README.indexOf("| config key (`resourcegroups:`)");
    const rows = README.slice(start).split("\n\n")[0]?.split("\n").slice(2) ?? [];
    const keys = rows.map((row) => /^\| `([A-Za-z]+)`/.exec(row)?.[1]);
    expect(keys.sort()).toEqual([...Object.keys(SETTINGS), CONNECTIONS_SETTING.key].sort());
  });
});
