/**
 * generated/schema.ts: openapi-typescript's Node API (`openapiTS(document,
 * { defaultNonNullable: false, emptyObjectsUnknown: true })` + `astToString`), run in a worker thread
 * (schema-worker.mjs) started before the model is built, so both cores work.
 * `defaultNonNullable: false` keeps a property with a default optional;
 * `emptyObjectsUnknown: true` reads `{ type: "object" }` as JSON Schema does,
 * any object (ARTU's `metadata`), not an object that must stay empty. Not
 * run through prettier: its own printer output is readable, and prettier on a
 * GitHub-sized spec would take longer than generating it.
 *
 * How OpenAPI 3.1 features come out (openapi-typescript 7; see the
 * openapi-31-features fixture and its test):
 *   const: "x"                 → the literal type "x" (tagged @constant)
 *   enum: ["a", "b"]           → "a" | "b"
 *   anyOf / oneOf              → a union of the members (string | number)
 *   anyOf: [{ enum }, { type: string }] (an open enum) → "a" | "b" | (string & {}):
 *                                 any string fits, editors still list the known values
 *   type: ["string", "null"]   → string | null
 *   {} (no constraints)        → unknown
 *   { type: "object" } without properties → Record<string, unknown>
 *   allOf beside own properties → an intersection ({ own } & components["schemas"]["A"])
 *   a property with a default  → still optional (defaultNonNullable: false), tagged @default
 */
import { Worker } from "node:worker_threads";
import { SpecError } from "../spec/errors";
import type { OpenApiDocument } from "../spec/load";
import { fileBanner } from "./docs";

const WORKER = new URL("./schema-worker.mjs", import.meta.url);

type WorkerReply = { ok: true; text: string } | { ok: false; message: string };

export interface SchemaJob {
  /** Hands the worker the document as JSON text (once). */
  send(json: string): void;
  /** schema.ts's text, or a located SpecError when openapi-typescript rejects the document. */
  readonly result: Promise<string>;
  /** Stops the worker (when another stage failed first, or once it is done). */
  cancel(): Promise<void>;
}

/**
 * Starts the worker now, so openapi-typescript loads while the caller reads
 * the spec; the document follows with `send`. Working on JSON text keeps the
 * caller's document object untouched (openapi-typescript mutates its input).
 */
export function startSchemaJob(source: string): SchemaJob {
  // No execArgv: a worker inherits the process's (`--import tsx`), and booting
  // tsx again in each plain-JavaScript worker cost ~0.15 s of CPU apiece.
  const worker = new Worker(WORKER, { execArgv: [] });
  const result = new Promise<string>((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.text);
      else reject(rejection(reply.message, source));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the openapi-typescript worker exited with code ${code}`)));
  });
  result.catch(() => undefined);
  return {
    send: (json) => worker.postMessage({ json }),
    result,
    cancel: async () => void (await worker.terminate()),
  };
}

/** schema.ts: the banner, then openapi-typescript's output. */
export function schemaFile(document: OpenApiDocument, generated: string): string {
  const info = document.info as { title?: unknown; version?: unknown };
  return `${fileBanner(String(info.title ?? ""), String(info.version ?? ""))}\n\n${generated}`;
}

/** openapi-typescript reports "<problem> at #/pointer": keep the pointer as the error's location. */
function rejection(message: string, source: string): SpecError {
  const at = / at #(\/\S*|)$/.exec(message);
  return new SpecError(
    { source, pointer: at ? decodeURI(at[1]!) : "" },
    `openapi-typescript rejected the document: ${at ? message.slice(0, at.index) : message}`,
  );
}
