// The scenario on the ESM build: `import` resolves the package's "import" conditions.
import * as sdk from "artu-compliance-client";
import * as emulatorEntry from "artu-compliance-client/emulator";
import { run } from "./scenario.cjs";

const resolved = [import.meta.resolve("artu-compliance-client"), import.meta.resolve("artu-compliance-client/emulator")];
process.stdout.write(`${JSON.stringify(await run(sdk, emulatorEntry, resolved))}\n`);
