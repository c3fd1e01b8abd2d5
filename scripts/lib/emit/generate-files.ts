/**
 * The generate stage without I/O: an OpenAPI document in, the contents of
 * every generated file out. The model is built once and read by each emitter.
 */
import { buildApiModel } from "../model/build";
import type { ApiModel } from "../model/types";
import { assertLocalRefsResolve } from "../spec/check-refs";
import type { OpenApiDocument } from "../spec/load";
import { formatTypeScript } from "./format";
import { emitHelpers } from "./helpers";
import { emitIndex } from "./index-file";
import { emitManifest } from "./manifest";
import { emitOperations, type EmitOptions } from "./operations";
import type { OutputFile } from "./output-dir";
import { schemaFile, startSchemaJob, type SchemaJob } from "./schema";
import { createEmitProject } from "./ts-project";
import { emitValidators, startValidatorsJob, validatorsInput, type ValidatorsJob } from "./validators";

export interface GenerateResult {
  readonly model: ApiModel;
  readonly files: readonly OutputFile[];
  /** Milliseconds per main-thread stage, for the CLI's summary line; "schema" and "validators" are the waits for the workers at the end. */
  readonly timings: Readonly<Record<"model" | "emit" | "format" | "schema" | "validators", number>>;
}

/**
 * Emits every file. schema.ts comes from a worker: pass a job already fed
 * with the document's JSON text (the CLI starts it before parsing), or one is
 * started here. The job is stopped when this returns or throws.
 */
export async function generateFiles(
  document: OpenApiDocument,
  source: string,
  options: EmitOptions,
  schemaJob?: SchemaJob,
): Promise<GenerateResult> {
  const job = schemaJob ?? startSchemaJob(source);
  if (!schemaJob) job.send(JSON.stringify(document));
  const validatorsJob = startValidatorsJob(source);
  try {
    return await emitAll(document, source, options, job.result, validatorsJob);
  } finally {
    await Promise.all([job.cancel(), validatorsJob.cancel()]);
  }
}

async function emitAll(
  document: OpenApiDocument,
  source: string,
  options: EmitOptions,
  schemaText: Promise<string>,
  validatorsJob: ValidatorsJob,
): Promise<GenerateResult> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return Math.round(elapsed);
  };
  const model = buildApiModel(document, source);
  assertLocalRefsResolve(document, source);
  const validators = validatorsInput(document, model);
  validatorsJob.send(validators);
  const modelMs = lap();

  const project = createEmitProject();
  const operations = emitOperations(project, model, options);
  const helpers = emitHelpers(project, model, options);
  const emitMs = lap();

  const formatted = await Promise.all([operations, helpers, emitIndex(model)].map(formatTypeScript));
  const formatMs = lap();

  const schema = schemaFile(document, await schemaText);
  /** Time spent waiting for the worker after everything else was done. */
  const schemaMs = lap();

  const { js: validatorsJs, dts: validatorsDts } = emitValidators(model, await validatorsJob.result, validators.operations);
  /** Time spent waiting for the validators worker after everything else was done. */
  const validatorsMs = lap();

  const [operationsText, helpersText, indexText] = formatted as [string, string, string];
  return {
    model,
    files: [
      { name: "helpers.ts", content: helpersText },
      { name: "index.ts", content: indexText },
      { name: "manifest.json", content: emitManifest(model) },
      { name: "operations.ts", content: operationsText },
      { name: "schema.ts", content: schema },
      { name: "validators.d.ts", content: validatorsDts },
      { name: "validators.js", content: validatorsJs },
    ],
    timings: { model: modelMs, emit: emitMs, format: formatMs, schema: schemaMs, validators: validatorsMs },
  };
}
