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
 */
import { Worker } from "node:worker_threads";
import type { ApiModel, OperationModel } from "../model/types";
import { SpecError } from "../spec/errors";
import type { OpenApiDocument } from "../spec/load";
import { escapeToken } from "../spec/pointer";
import { closeSchemas, DEFS_ID } from "./closed-schema";
import { fileBanner } from "./docs";

const WORKER = new URL("./validators-worker.mjs", import.meta.url);

export interface ValidatorsInput {
  /** One schema: the closed definitions and, under `$defs["operation:<id>"]`, each operation's closed response schema. */
  readonly schema: object;
  /** Export name → ref of its schema. */
  readonly exports: Readonly<Record<string, string>>;
  /** The operations that get a validator, in export order. */
  readonly operations: readonly OperationModel[];
}

type WorkerReply = { ok: true; code: string } | { ok: false; exportName?: string; message: string };

export interface ValidatorsJob {
  send(input: ValidatorsInput): void;
  /** Ajv's standalone module, or a located SpecError when a schema does not compile. */
  readonly result: Promise<string>;
  cancel(): Promise<void>;
}

/** Operations whose success response has a JSON body: the ones a drift check applies to. */
export function checkedOperations(model: ApiModel): OperationModel[] {
  return model.operations.filter((op) => op.response !== undefined && /json/i.test(op.response.mediaType));
}

/** `validateClientsRetrieve`: cannot collide with Ajv's own names (`validate12`, `schema3`, `formats0`). */
export function validatorExportName(op: OperationModel): string {
  return `validate${op.pascalName}`;
}

export function validatorsInput(document: OpenApiDocument, model: ApiModel): ValidatorsInput {
  const operations = checkedOperations(model);
  const closed = closeSchemas(
    document,
    operations.map((op) => op.response!.schemaPointer),
    String(document.openapi ?? ""),
  );
  const defs: Record<string, unknown> = { ...(closed.defs as { $defs: Record<string, unknown> }).$defs };
  const exports: Record<string, string> = {};
  operations.forEach((op, index) => {
    const key = `operation:${op.operationId}`;
    defs[key] = closed.roots[index];
    exports[validatorExportName(op)] = `${DEFS_ID}#/$defs/${escapeToken(key)}`;
  });
  return { schema: { $id: DEFS_ID, $defs: defs }, exports, operations };
}

/** Starts the worker now, so that Ajv loads while the model is built; the input follows with `send`. */
export function startValidatorsJob(source: string): ValidatorsJob {
  // No execArgv: a worker inherits the process's (`--import tsx`), and booting
  // tsx again in each plain-JavaScript worker cost ~0.15 s of CPU apiece.
  const worker = new Worker(WORKER, { execArgv: [] });
  let sent: readonly OperationModel[] = [];
  const result = new Promise<string>((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.code);
      else reject(compileError(source, reply, sent.find((op) => validatorExportName(op) === reply.exportName)));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the drift validators worker exited with code ${code}`)));
  });
  result.catch(() => undefined);
  return {
    send: (input) => {
      sent = input.operations;
      worker.postMessage({ schema: input.schema, exports: input.exports });
    },
    result,
    cancel: async () => void (await worker.terminate()),
  };
}

function compileError(source: string, reply: { message: string }, op: OperationModel | undefined): SpecError {
  return new SpecError(
    op ? { source, pointer: op.response!.schemaPointer, operation: op.label } : { source },
    `cannot compile the drift validator of the success response: ${reply.message}`,
  );
}

/** validators.js and validators.d.ts from the worker's output. */
export function emitValidators(model: ApiModel, ajvCode: string, operations: readonly OperationModel[]): { js: string; dts: string } {
  const header = [
    fileBanner(model.title, model.version),
    "/*",
    " * Drift validators: for each operation with a JSON success response, an Ajv",
    " * validate function over a CLOSED copy of its response schema (every object",
    " * schema that declares properties gets unevaluatedProperties: false; value",
    " * constraints and annotations dropped). Loaded by the client only when",
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
