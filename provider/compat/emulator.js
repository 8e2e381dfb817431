// `pulumi-resource-groups/emulator`, kept for programs and tests written against 0.1.0: the emulator is
// its own package since 0.2.0, so the provider installs nothing native. Install it beside the provider.
try {
  module.exports = require("pulumi-resource-groups-emulator");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /pulumi-resource-groups-emulator/.test(error.message)) {
    throw new Error(
      "pulumi-resource-groups/emulator: the emulator is the package pulumi-resource-groups-emulator since 0.2.0; " +
        "install it (npm install --save-dev pulumi-resource-groups-emulator) or import it by that name.",
    );
  }
  throw error;
}
