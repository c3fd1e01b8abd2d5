// Runs openapi-typescript in a worker thread so that it overlaps the model,
// ts-morph and prettier work on the main thread (generate then takes about as
// long as openapi-typescript alone). openapi-typescript starts loading as soon
// as the worker starts, before the document arrives. Plain JavaScript: a
// worker gets no TypeScript loader under vitest or plain node.
// Message in: { json } (the document as JSON text).
// Message out: { ok: true, text } or { ok: false, message }.
import { parentPort } from "node:worker_threads";

const loading = import("openapi-typescript");

parentPort.once("message", async ({ json }) => {
  try {
    const { default: openapiTS, astToString } = await loading;
    const ast = await openapiTS(JSON.parse(json), { defaultNonNullable: false, emptyObjectsUnknown: true, silent: true });
    parentPort.postMessage({ ok: true, text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
