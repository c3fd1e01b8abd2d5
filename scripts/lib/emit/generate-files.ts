/**
 * The generate stage without I/O: an OpenAPI document in, the contents of
 * every generated file out. The model is built once and read by each emitter.
 *
 * Scheduling (two cores, three threads): openapi-typescript (schema worker)
 * is the longest stage and is started first, by the caller; the Ajv worker
 * gets its input right after the model, BEFORE ts-morph is loaded (~0.4 s),
 * so that its compilation overlaps that load and the emit. The ts-morph
 * emitters are imported only then (dynamically): a run that fails in the
 * model never loads them; prettier formats what we emit (see format.ts).
 */
import { buildApiModel } from "../model/build";
import type { ApiModel } from "../model/types";
import { assertLocalRefsResolve } from "../spec/check-refs";
import type { OpenApiDocument } from "../spec/load";
import { formatStatements, formatTypeScript } from "./format";
import { emitIndex } from "./index-file";
import { emitManifest } from "./manifest";
import type { EmitOptions } from "./operations";
import type { OutputFile } from "./output-dir";
import { schemaFile, startSchemaJob, type SchemaJob } from "./schema";
import { emitValidators, startValidatorsJob, validatorsInput, type ValidatorsJob } from "./validators";

export interface GenerateResult {
  readonly model: ApiModel;
  readonly files: readonly OutputFile[];
  /**
   * Milliseconds per main-thread stage, for the CLI's summary line ("emit"
   * includes loading ts-morph); "schema" and "validators" are the waits for
   * the workers at the end.
   */
  readonly timings: Readonly<Record<"model" | "emit" | "format" | "schema" | "validators", number>>;
}

/**
 * Emits every file. schema.ts and validators.js come from workers: pass jobs
 * the caller started early (the schema job already fed with the document's
 * JSON text, the validators job not yet fed), or they are started here. Both
 * are stopped when this returns or throws.
 */
export async function generateFiles(
  document: OpenApiDocument,
  source: string,
  options: EmitOptions,
  schemaJob?: SchemaJob,
  validatorsJob?: ValidatorsJob,
): Promise<GenerateResult> {
  const schema = schemaJob ?? startSchemaJob(source);
  if (!schemaJob) schema.send(JSON.stringify(document));
  const validators = validatorsJob ?? startValidatorsJob(source);
  try {
    return await emitAll(document, source, options, schema.result, validators);
  } finally {
    await Promise.all([schema.cancel(), validators.cancel()]);
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
  const model = buildApiModel(document, source, options.config);
  assertLocalRefsResolve(document, source);
  const validators = validatorsInput(document, model);
  validatorsJob.send(validators);
  const modelMs = lap();

  const [{ createEmitProject, printedStatements }, { emitOperations }, { emitHelpers }] = await Promise.all([
    import("./ts-project"),
    import("./operations"),
    import("./helpers"),
  ]);
  const project = createEmitProject();
  emitOperations(project, model, options);
  emitHelpers(project, model, options);
  const emitMs = lap();

  const operationsText = await formatStatements(printedStatements(project, "operations.ts"));
  const helpersText = await formatStatements(printedStatements(project, "helpers.ts"));
  const indexText = await formatTypeScript(emitIndex(model));
  const formatMs = lap();

  const schema = schemaFile(document, await schemaText);
  /** Time spent waiting for the worker after everything else was done. */
  const schemaMs = lap();

  const { js: validatorsJs, dts: validatorsDts } = emitValidators(model, await validatorsJob.result, validators.operations);
  /** Time spent waiting for the validators worker after everything else was done. */
  const validatorsMs = lap();

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
