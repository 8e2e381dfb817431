// Loaded with `node --require` into the program and provider processes of one `pulumi up`: each dies
// of an uncaught exception two seconds in, as a provider that crashes mid-update would.
require("node:timers")
  .setTimeout(() => {
    throw new Error("simulated crash of a Pulumi node process");
  }, 2000)
  .unref();
