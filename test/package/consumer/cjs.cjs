// The scenario on the CommonJS build: `require` resolves the package's "require" conditions.
"use strict";
const sdk = require("artu-compliance-client");
const emulatorEntry = require("artu-compliance-client/emulator");
const { run } = require("./scenario.cjs");

const resolved = [require.resolve("artu-compliance-client"), require.resolve("artu-compliance-client/emulator")];
run(sdk, emulatorEntry, resolved).then(
  (output) => process.stdout.write(`${JSON.stringify(output)}\n`),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
