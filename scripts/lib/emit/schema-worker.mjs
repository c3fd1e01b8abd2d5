// Runs openapi-typescript in a worker thread so that it overlaps the model,
// ts-morph and prettier work on the main thread (generate's time is then about
// openapi-typescript's own). Plain JavaScript: a worker gets no TypeScript
// loader under vitest or plain node. Input: the document as JSON text.
// Output: { ok: true, text } or { ok: false, message }.
import openapiTS, { astToString } from "openapi-typescript";
import { parentPort, workerData } from "node:worker_threads";

try {
  const document = JSON.parse(workerData.json);
  const ast = await openapiTS(document, { defaultNonNullable: false, silent: true });
  parentPort.postMessage({ ok: true, text: astToString(ast) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
