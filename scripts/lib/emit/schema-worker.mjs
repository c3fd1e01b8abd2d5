// Runs openapi-typescript (schema-render.mjs) in a worker thread, for specs
// large enough that running it beside the model, the emit and the format
// pays for a second TypeScript compiler (schema.ts decides). Its modules load
// as soon as the worker starts, before the document arrives.
// Message in: { json } (the document as JSON text).
// Message out: { ok: true, text } or { ok: false, message }.
import { parentPort } from "node:worker_threads";
import { loadOpenApiTypeScript, renderSchemaTypes } from "./schema-render.mjs";

loadOpenApiTypeScript();

parentPort.once("message", async ({ json }) => {
  try {
    parentPort.postMessage({ ok: true, text: await renderSchemaTypes(json) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
