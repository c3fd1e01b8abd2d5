/**
 * The generate stage without I/O: an OpenAPI document in, the contents of
 * every generated file out. The model is built once and read by each emitter.
 *
 * Scheduling (two cores): the Ajv worker (started by the caller, so that Ajv
 * loads while the spec is read) gets its input right after the model and
 * compiles while this thread runs openapi-typescript and then the emitters;
 * openapi-typescript is loaded only then, so a run that fails in the model
 * never loads it. On a very large spec openapi-typescript runs in a worker
 * from the start instead (schema.ts says when and why). The emitters print
 * prettier's layout themselves; prettier gets only what they cannot be sure
 * of (format.ts).
 */
import { buildApiModel, documentHeading } from "../model/build";
import type { ApiModel } from "../model/types";
import { assertLocalRefsResolve } from "../spec/check-refs";
import type { OpenApiDocument } from "../spec/load";
import { formatStatements, formatTypeScript } from "./format";
import { emitIndex } from "./index-file";
import { emitManifest } from "./manifest";
import type { EmitOptions } from "./operations";
import type { OutputFile } from "./output-dir";
import { renderSchemaTypes, schemaFile, schemaThreadFor, startSchemaWorker, type SchemaJob, type SchemaThread } from "./schema";
import { emitValidators, startValidatorsJob, validatorsInput, type ValidatorsJob } from "./validators";

export interface GenerateResult {
  readonly model: ApiModel;
  readonly files: readonly OutputFile[];
  /**
   * Milliseconds per stage, for the CLI's summary line ("schema" includes
   * loading openapi-typescript; "schema" is the wait
   * at the end when it ran in a worker); "validators" is the wait for its
   * worker at the end.
   */
  readonly timings: Readonly<Record<"model" | "schema" | "emit" | "format" | "validators", number>>;
}

export interface GenerateInput {
  readonly document: OpenApiDocument;
  /** The document as JSON text when the caller has it (openapi-typescript parses its own copy); else it is serialized. */
  readonly json?: string;
  /** Where the document came from, for error locations. */
  readonly source: string;
  /** Where openapi-typescript runs; by default by the document's size (schema.ts). */
  readonly schemaThread?: SchemaThread;
}

/**
 * Emits every file. validators.js comes from a worker: pass a job the caller
 * started early (not yet fed), or one is started here. It is stopped when
 * this returns or throws.
 */
export async function generateFiles(input: GenerateInput, options: EmitOptions, validatorsJob?: ValidatorsJob): Promise<GenerateResult> {
  const validators = validatorsJob ?? startValidatorsJob(input.source);
  try {
    return await emitAll(input, options, validators);
  } finally {
    await validators.cancel();
  }
}

async function emitAll(input: GenerateInput, options: EmitOptions, validatorsJob: ValidatorsJob): Promise<GenerateResult> {
  const { document, source } = input;
  const json = input.json ?? JSON.stringify(document);
  const schemaJob = (input.schemaThread ?? schemaThreadFor(json)) === "worker" ? startSchemaWorker(json, source, documentHeading(document)) : undefined;
  try {
    return await emitWith(input, json, options, validatorsJob, schemaJob);
  } finally {
    await schemaJob?.cancel();
  }
}

async function emitWith(
  { document, source }: GenerateInput,
  json: string,
  options: EmitOptions,
  validatorsJob: ValidatorsJob,
  schemaJob: SchemaJob | undefined,
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
  const checked = validators.operations;
  const modelMs = lap();

  // On this thread unless a worker already runs it.
  const schemaText = schemaJob ? undefined : await renderSchemaTypes(json, source);
  const schemaMs = lap();

  const [{ createPrintedFiles, printedStatements }, { emitOperations }, { emitHelpers }] = await Promise.all([
    import("./printed-files"),
    import("./operations"),
    import("./helpers"),
  ]);
  const printed = createPrintedFiles();
  emitOperations(printed, model, options);
  emitHelpers(printed, model, options);
  const emitMs = lap();

  const operationsText = await formatStatements(printedStatements(printed, "operations.ts"));
  const helpersText = await formatStatements(printedStatements(printed, "helpers.ts"));
  const indexText = await formatTypeScript(emitIndex(model));
  const formatMs = lap();

  const schema = schemaText === undefined ? await afterReleasingGarbage(schemaJob!.result) : schemaFile(model, schemaText);
  /** Time spent waiting for the schema worker, when there is one, after everything else was done. */
  const schemaWaitMs = lap();

  const { js: validatorsJs, dts: validatorsDts } = emitValidators(model, await validatorsJob.result, checked);
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
    timings: { model: modelMs, schema: schemaMs + schemaWaitMs, emit: emitMs, format: formatMs, validators: validatorsMs },
  };
}

/**
 * This thread's share is done and it now waits for openapi-typescript's
 * worker, which is heading for its peak: a full collection first hands back
 * the garbage of the emit (Microsoft Graph: ~40 MB of peak RSS). Only where
 * the collector is exposed (`npm run generate` runs node with --expose-gc).
 */
function afterReleasingGarbage<T>(pending: Promise<T>): Promise<T> {
  (globalThis as { gc?: () => void }).gc?.();
  return pending;
}
