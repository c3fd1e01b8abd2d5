// Runs openapi-typescript (schema-render.mjs) in a worker thread, for specs
// large enough that running it beside the model, the emit and the format
// pays for a second TypeScript compiler (schema.ts decides). Its modules load
// as soon as the worker starts, before the document arrives.
// Message in: { json, banner } (the document as JSON text; what schema.ts starts with).
// Message out: { ok: true, bytes } (schema.ts as UTF-8, its buffer moved to
// the main thread, not copied) or { ok: false, message }.
import { parentPort } from "node:worker_threads";
import { loadOpenApiTypeScript, renderSchemaTypes } from "./schema-render.mjs";

loadOpenApiTypeScript();

parentPort.once("message", async ({ json, banner }) => {
  try {
    const text = await renderSchemaTypes(json);
    const head = Buffer.byteLength(banner);
    const bytes = Buffer.allocUnsafeSlow(head + Buffer.byteLength(text));
    bytes.write(banner, 0);
    bytes.write(text, head);
    parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
