/**
 * generated/schema.ts: openapi-typescript's Node API (`openapiTS(document,
 * { defaultNonNullable: false, emptyObjectsUnknown: true })` + `astToString`),
 * the same code on either thread (schema-render.mjs):
 *  - on the main thread after the model, while the drift validators compile
 *    in their worker: below SCHEMA_WORKER_MIN_BYTES of JSON the rest of the
 *    run is short (GitHub's 13 MB: ~1 s of model, emit and format against
 *    ~5 s of openapi-typescript), and a worker would cost its own heap and
 *    module loading for little overlap;
 *  - in a worker of its own from there up (Microsoft Graph, 20 MB: ~17 s of
 *    openapi-typescript against ~7 s for the model, emit and format), beside
 *    the rest.
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
import { SpecError } from "../spec/errors";
import type { ApiModel } from "../model/types";
import { fileBanner } from "./docs";
import { renderSchemaTypes as render } from "./schema-render.mjs";
import { startWorkerJob } from "./worker-job";

/** From this much JSON text up, openapi-typescript runs in a worker (see above). */
export const SCHEMA_WORKER_MIN_BYTES = 16 * 1024 * 1024;

export type SchemaThread = "main" | "worker";

export function schemaThreadFor(json: string): SchemaThread {
  return json.length >= SCHEMA_WORKER_MIN_BYTES ? "worker" : "main";
}

/** openapi-typescript's output on this thread, or a located SpecError. */
export async function renderSchemaTypes(json: string, source: string): Promise<string> {
  try {
    return await render(json);
  } catch (error) {
    throw rejection(error instanceof Error ? error.message : String(error), source);
  }
}

const WORKER = new URL("./schema-worker.mjs", import.meta.url);

type WorkerReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export interface SchemaJob {
  /**
   * schema.ts itself as UTF-8 (the banner, then openapi-typescript's output),
   * or a located SpecError. Bytes, moved from the worker rather than copied
   * (Microsoft Graph: 24 MB), and written out as they are.
   */
  readonly result: Promise<Uint8Array>;
  /** Stops the worker (once done, or when another stage failed first). */
  cancel(): Promise<void>;
}

/** Starts openapi-typescript in a worker on the document's JSON text. */
export function startSchemaWorker(json: string, source: string, heading: SchemaHeading): SchemaJob {
  const job = startWorkerJob<WorkerReply>(WORKER, "openapi-typescript");
  job.post({ json, banner: schemaFile(heading, "") });
  const result = job.reply.then((reply) => {
    if (!reply.ok) throw rejection(reply.message, source);
    return reply.bytes;
  });
  result.catch(() => undefined);
  return { result, cancel: job.cancel };
}

export type SchemaHeading = Pick<ApiModel, "title" | "version">;

/** schema.ts: the banner, then openapi-typescript's output. */
export function schemaFile(heading: SchemaHeading, generated: string): string {
  return `${fileBanner(heading.title, heading.version)}\n\n${generated}`;
}

/** openapi-typescript reports "<problem> at #/pointer": keep the pointer as the error's location. */
function rejection(message: string, source: string): SpecError {
  const at = / at #(\/\S*|)$/.exec(message);
  return new SpecError(
    { source, pointer: at ? decodeURI(at[1]!) : "" },
    `openapi-typescript rejected the document: ${at ? message.slice(0, at.index) : message}`,
  );
}
