// Runs in a fresh Node process, as the dynamic-provider host does: loads a serialized provider from
// its code text, configures it with stack config, then checks and creates one resource.
const requireFromString = require("require-from-string");

async function main() {
  const { text, config, inputs } = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const provider = requireFromString(text).handler();
  await provider.configure({ config: { get: (key) => config[key] } });
  const checked = await provider.check({}, inputs);
  if (checked.failures && checked.failures.length > 0) throw new Error(JSON.stringify(checked.failures));
  const created = await provider.create(checked.inputs);
  process.stdout.write(JSON.stringify(created));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
