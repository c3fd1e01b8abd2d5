/**
 * generated/validators.js (+ validators.d.ts): the runtime drift validators.
 * One Ajv validate function per operation with a JSON success response,
 * compiled AT GENERATE TIME (Ajv 2020 + ajv-formats, allErrors, standalone
 * ESM code) from a closed copy of the response schema (closed-schema.ts), so
 * that the client finds properties the snapshot does not know. The client
 * imports this module lazily, only when `drift` is not "off" (src/drift/).
 *
 * Ajv runs in a worker (validators-worker.mjs) started before the model is
 * built. Its output is machine code and is not run through prettier; the
 * emitter only turns Ajv's `require(...)` of runtime helpers (formats,
 * deep-equal) into ESM imports, and appends the `validators` map.
 *
 * Cost on very large specs (issue 13 §3): the closed schemas go to Ajv with
 * their repeated composite parts shared (shared-schemas.ts) and one schema
 * per distinct response (operations returning the same schema share one
 * validate function), Ajv runs with the options in validators-ajv.mjs, and
 * the module is assembled by standalone-code.mjs. Microsoft Graph (7,444
 * validators): from ~70 s of worker CPU and ~1 GB RSS to ~3 s and ~240 MB.
 */
import type { ApiModel, OperationModel } from "../model/types";
import { formatLocated } from "../spec/errors";
import type { OpenApiDocument } from "../spec/load";
import { closeSchemas, defsRef, DEFS_ID } from "./closed-schema";
import { fileBanner } from "./docs";
import { shareSubschemas } from "./shared-schemas";
import { startWorkerJob } from "./worker-job";

const WORKER = new URL("./validators-worker.mjs", import.meta.url);

export interface ValidatorsInput {
  /**
   * One schema: the closed definitions (keyed by document pointer), the
   * shared parts (`shared:<n>`, shared-schemas.ts) and, under
   * `$defs["operation:<id>"]`, each distinct closed response schema (keyed by
   * the first operation that has it).
   */
  readonly schema: object;
  /** Export name → ref of its schema (operations with the same response schema share one). */
  readonly exports: Readonly<Record<string, string>>;
  /** `shared:<n>` → the definitions it was taken out of (where a fault in it is reported). */
  readonly origins: Readonly<Record<string, readonly string[]>>;
  /** The operations that get a validator, in export order. */
  readonly operations: readonly OperationModel[];
}

interface SkippedExport {
  readonly exportName: string;
  readonly message: string;
  /** Document pointers of the schemas it reaches that do not compile on their own (none: the fault is in the response schema itself). */
  readonly pointers: readonly string[];
}

type WorkerReply =
  | { ok: true; code: string; skipped: SkippedExport[]; unknownFormats: string[]; warnings: string[] }
  | { ok: false; message: string };

export interface ValidatorsJob {
  send(input: ValidatorsInput): void;
  /**
   * Ajv's standalone module with every validator that compiled. One Ajv
   * cannot compile is left out with a warning naming the operation and the
   * schema's pointer (runtime drift checks are off for that operation);
   * Ajv failing as a whole is an Error.
   */
  readonly result: Promise<string>;
  cancel(): Promise<void>;
}

/** Where the job's warnings go (one line each): stderr, as the CLI's other notes. */
export type WarningSink = (line: string) => void;

const toStderr: WarningSink = (line) => void process.stderr.write(`${line}\n`);

/** Operations whose success response has a JSON body: the ones a drift check applies to. */
export function checkedOperations(model: ApiModel): OperationModel[] {
  return model.operations.filter((op) => op.response !== undefined && /json/i.test(op.response.mediaType));
}

/** `validateClientsRetrieve`: cannot collide with Ajv's own names (`validate12`, `schema3`, `formats0`). */
export function validatorExportName(op: OperationModel): string {
  return `validate${op.pascalName}`;
}

export function validatorsInput(document: OpenApiDocument, model: ApiModel): ValidatorsInput {
  return validatorsInputFor(document, checkedOperations(model));
}

/** The worker's input for these operations (each with a JSON success response). */
export function validatorsInputFor(document: OpenApiDocument, operations: readonly OperationModel[]): ValidatorsInput {
  const closed = closeSchemas(
    document,
    operations.map((op) => op.response!.schemaPointer),
    String(document.openapi ?? ""),
  );
  const shared = shareSubschemas((closed.defs as { $defs: Record<string, unknown> }).$defs, closed.roots);
  const defs: Record<string, unknown> = { ...shared.defs };
  const exports: Record<string, string> = {};
  /** Response schema (JSON) → its `$defs` key: one validate function for all the operations that return it. */
  const keyOf = new Map<string, string>();
  operations.forEach((op, index) => {
    const root = shared.roots[index];
    const text = JSON.stringify(root);
    let key = keyOf.get(text);
    if (key === undefined) {
      key = `operation:${op.operationId}`;
      keyOf.set(text, key);
      defs[key] = root;
    }
    exports[validatorExportName(op)] = defsRef(key);
  });
  return { schema: { $id: DEFS_ID, $defs: defs }, exports, origins: shared.origins, operations };
}

/** Starts the worker now, so that Ajv loads while the model is built; the input follows with `send`. */
export function startValidatorsJob(source: string, warn: WarningSink = toStderr): ValidatorsJob {
  const job = startWorkerJob<WorkerReply>(WORKER, "drift validators");
  let sent: readonly OperationModel[] = [];
  const result = job.reply.then((reply) => {
    if (!reply.ok) throw new Error(`the drift validators could not be compiled: ${reply.message}`);
    for (const line of workerWarnings(source, reply, sent)) warn(line);
    return reply.code;
  });
  result.catch(() => undefined);
  return {
    send: (input) => {
      sent = input.operations;
      job.post({ schema: input.schema, exports: input.exports, origins: input.origins });
    },
    result,
    cancel: job.cancel,
  };
}

/** One line per operation left without a validator, one for every unknown format, then Ajv's other warnings. */
function workerWarnings(
  source: string,
  reply: { skipped: readonly SkippedExport[]; unknownFormats: readonly string[]; warnings: readonly string[] },
  operations: readonly OperationModel[],
): string[] {
  const lines = reply.skipped.map(({ exportName, message, pointers }) => {
    const op = operations.find((candidate) => validatorExportName(candidate) === exportName);
    const pointer = pointers[0] ?? op?.response!.schemaPointer;
    const location = { source, ...(pointer === undefined ? {} : { pointer }), ...(op ? { operation: op.label } : {}) };
    const more = pointers.length > 1 ? ` (also ${pointers.slice(1).map((other) => `#${other}`).join(", ")})` : "";
    return (
      `generate: warning: ${formatLocated(location, "")}Ajv cannot compile this schema${more}: ${message}; ` +
      "the operation gets no drift validator (runtime drift checks are off for it)"
    );
  });
  const formats = reply.unknownFormats;
  if (formats.length > 0) {
    const listed = formats.length > 12 ? `${formats.slice(0, 12).join(", ")} and ${formats.length - 12} more` : formats.join(", ");
    lines.push(`generate: note: ${formats.length} format(s) unknown to Ajv are not checked by the drift validators: ${listed}`);
  }
  return [...lines, ...reply.warnings.map((warning) => `generate: warning: Ajv: ${warning}`)];
}

/** The export names Ajv's standalone module declares. */
function exportedNames(ajvCode: string): Set<string> {
  return new Set([...ajvCode.matchAll(/^export const ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!));
}

/** validators.js and validators.d.ts from the worker's output. */
export function emitValidators(model: ApiModel, ajvCode: string, checked: readonly OperationModel[]): { js: string; dts: string } {
  const exported = exportedNames(ajvCode);
  const operations = checked.filter((op) => exported.has(validatorExportName(op)));
  const header = [
    fileBanner(model.title, model.version),
    "/*",
    " * Drift validators: for each operation with a JSON success response, an Ajv",
    " * validate function over a CLOSED copy of its response schema (every object",
    " * schema that declares properties gets unevaluatedProperties: false; value",
    " * constraints and annotations dropped). Operations with the same response",
    " * schema share one function. Loaded by the client only when",
    ' * `drift` is "report" or "strict" (src/drift/). Machine code: read the',
    " * schemas in the `schemaN` constants, not the functions.",
    " */",
  ].join("\n");
  const map = operations.map((op) => `  ${JSON.stringify(op.operationId)}: ${validatorExportName(op)},`);
  const js = [header, esmModule(ajvCode), "", "/** operationId → validate function. */", "export const validators = {", ...map, "};", ""].join("\n");
  const dts = [
    fileBanner(model.title, model.version),
    "/** An Ajv error (messages are not generated: the client describes each divergence itself). */",
    "export interface DriftValidationError {",
    "  readonly instancePath: string;",
    "  readonly schemaPath: string;",
    "  readonly keyword: string;",
    "  readonly params: Readonly<Record<string, unknown>>;",
    "}",
    "",
    "/** Ajv's validate function: true when the response fits; otherwise `errors` lists every problem (allErrors). */",
    "export interface DriftValidateFunction {",
    "  (data: unknown): boolean;",
    "  errors?: DriftValidationError[] | null;",
    "}",
    "",
    "/** operationId → validate function, for every operation with a JSON success response. */",
    "export declare const validators: Readonly<Record<string, DriftValidateFunction>>;",
    ...operations.map((op) => `export declare const ${validatorExportName(op)}: DriftValidateFunction;`),
    "",
  ].join("\n");
  return { js, dts };
}

/**
 * Ajv's standalone ESM still `require`s its runtime helpers (ajv-formats'
 * formats, ajv's deep-equal…): each module becomes one default import (the
 * CommonJS `module.exports`, as `require` returns it), with the `.js` an ESM
 * resolver needs. The leading "use strict" goes (modules are strict).
 */
export function esmModule(ajvCode: string): string {
  const modules: string[] = [];
  const body = ajvCode.replace(/^"use strict";\n?/, "").replace(/require\("([^"]+)"\)/g, (_, specifier: string) => {
    let index = modules.indexOf(specifier);
    if (index === -1) index = modules.push(specifier) - 1;
    return `runtime${index}`;
  });
  const imports = modules.map((specifier, index) => `import runtime${index} from ${JSON.stringify(withJsExtension(specifier))};`);
  return [...imports, body.trimEnd()].join("\n");
}

function withJsExtension(specifier: string): string {
  return /\.[cm]?js$/.test(specifier) || !specifier.includes("/") ? specifier : `${specifier}.js`;
}
