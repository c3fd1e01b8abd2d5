/**
 * `npm run generate -- [--spec <file>] [--out <dir>]`: the typed client from
 * an OpenAPI 3.x document (default openapi/artu.json → generated/). Exit 0 on
 * success, 2 on bad input (file, JSON pointer and operation named); the output
 * directory is replaced only when every file was generated. Generating the
 * project's own snapshot into its own generated/ also rebuilds docs/api.md.
 *
 * The Ajv worker is started before anything else, so that its module loading
 * overlaps the reading and parsing of the spec; the generate stage
 * (generate-files.ts) is imported only afterwards.
 */
import { refreshProjectDocs } from "./lib/api-docs/project-docs";
import { CliError, parseCliArgs, runCli } from "./lib/cli";
import { startValidatorsJob } from "./lib/emit/validators";
import { readText } from "./lib/spec/fetch-source";
import { assertSpecIntegrity } from "./lib/spec/integrity";
import { jsonTextOf, parseOpenApi } from "./lib/spec/load";

const USAGE = `usage: npm run generate -- [--spec <file>] [--out <dir>]

  --spec <file>  an OpenAPI 3.x document, JSON or YAML (default openapi/artu.json);
                 generate.config.json beside it settles method-name collisions
  --out <dir>    the output directory (default generated), replaced only once every file is generated

Exit codes: 0 done; 2 bad input (file, JSON pointer and operation named; the output directory is
left as it was); 3 internal failure (a bug; one line on stderr).`;

runCli("generate", async () => {
  const started = performance.now();
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      spec: { type: "string", default: "openapi/artu.json" },
      out: { type: "string", default: "generated" },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const spec = args.spec as string;
  const out = args.out as string;
  if (spec === "" || out === "") throw new CliError("--spec and --out need a value");

  const validatorsJob = startValidatorsJob(spec);
  try {
    const text = await readText(spec);
    const document = parseOpenApi(text, spec);
    assertSpecIntegrity(document, spec);
    const [{ generateFiles }, { replaceOutputDirectory }, { runtimeImportFor }, { HELPER_NAMES }, { loadGenerateConfig }] = await Promise.all([
      import("./lib/emit/generate-files"),
      import("./lib/emit/output-dir"),
      import("./lib/emit/runtime-import"),
      import("./lib/model/types"),
      import("./lib/model/overrides"),
    ]);
    const config = await loadGenerateConfig(spec);
    const { model, files, timings } = await generateFiles(
      { document, json: jsonTextOf(text, spec, document), source: spec },
      { runtimeImport: runtimeImportFor(out), ...(config ? { config } : {}) },
      validatorsJob,
    );
    await replaceOutputDirectory(out, files);

    const counts = HELPER_NAMES.map((helper) => `${model.operations.filter((op) => op.shapes[helper]).length} ${helper}`);
    const stages = Object.entries(timings).map(([stage, ms]) => `${stage} ${ms} ms`);
    process.stdout.write(
      `generate: ${model.operations.length} operations from ${spec} → ${out}/ (${counts.join(", ")}); ` +
        `${stages.join(", ")}; total ${Math.round(performance.now() - started)} ms\n`,
    );
    const docs = await refreshProjectDocs(spec, out);
    if (docs) process.stdout.write(`${docs}\n`);
  } finally {
    await validatorsJob.cancel();
  }
});
