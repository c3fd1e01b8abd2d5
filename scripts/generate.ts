/**
 * `npm run generate -- [--spec <file>] [--out <dir>]`: the typed client from
 * an OpenAPI 3.x document (default openapi/artu.json → generated/). Exit 0 on
 * success, 2 on bad input (file, JSON pointer and operation named); the output
 * directory is replaced only when every file was generated.
 */
import { CliError, parseCliArgs, runCli } from "./lib/cli";
import { generateFiles } from "./lib/emit/generate-files";
import { replaceOutputDirectory } from "./lib/emit/output-dir";
import { runtimeImportFor } from "./lib/emit/runtime-import";
import { loadOpenApiFile } from "./lib/spec/load";
import { HELPER_NAMES } from "./lib/model/types";

runCli("generate", async () => {
  const started = performance.now();
  const args = parseCliArgs(process.argv.slice(2), {
    spec: { type: "string", default: "openapi/artu.json" },
    out: { type: "string", default: "generated" },
  });
  const spec = args.spec as string;
  const out = args.out as string;
  if (spec === "" || out === "") throw new CliError("--spec and --out need a value");

  const document = await loadOpenApiFile(spec);
  const { model, timings } = await generateFiles(document, spec, { runtimeImport: runtimeImportFor(out) }).then(
    async (result) => {
      await replaceOutputDirectory(out, result.files);
      return result;
    },
  );
  const counts = HELPER_NAMES.map((helper) => `${model.operations.filter((op) => op.shapes[helper]).length} ${helper}`);
  const stages = Object.entries(timings).map(([stage, ms]) => `${stage} ${ms} ms`);
  process.stdout.write(
    `generate: ${model.operations.length} operations from ${spec} → ${out}/ (${counts.join(", ")}); ` +
      `${stages.join(", ")}; total ${Math.round(performance.now() - started)} ms\n`,
  );
});
