// Compiles the drift validators (validators.ts) with Ajv in a worker thread,
// so that Ajv's compilation overlaps the ts-morph and prettier work on the
// main thread. Ajv starts loading as soon as the worker starts. Plain
// JavaScript: a worker gets no TypeScript loader under vitest or plain node.
// Message in: { schema, exports } (one schema holding every definition;
//   exports maps an export name to the ref of its schema inside `schema`).
// Message out: { ok: true, code } (Ajv's standalone module, ESM, unchanged)
//   or { ok: false, exportName?, message }.
import { parentPort } from "node:worker_threads";

const loading = Promise.all([import("ajv/dist/2020.js"), import("ajv/dist/standalone/index.js"), import("ajv-formats")]);

/** CommonJS modules: depending on the loader the default import is the value or the module. */
const unwrap = (module) => module.default?.default ?? module.default ?? module;

parentPort.once("message", async ({ schema, exports }) => {
  let exportName;
  try {
    const [ajvModule, standaloneModule, formatsModule] = await loading;
    const Ajv2020 = ajvModule.Ajv2020 ?? unwrap(ajvModule);
    const ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      // Error messages are not used (the runtime builds its own), and every
      // referenced definition compiles to one shared function. No meta-schema
      // pass: a broken schema fails the compilation of the first operation
      // using it, which names that operation.
      messages: false,
      inlineRefs: false,
      validateSchema: false,
      code: { source: true, esm: true, lines: true },
    });
    unwrap(formatsModule)(ajv);
    ajv.addSchema(schema);
    for (exportName of Object.keys(exports)) ajv.getSchema(exports[exportName]);
    exportName = undefined;
    parentPort.postMessage({ ok: true, code: unwrap(standaloneModule)(ajv, exports) });
  } catch (error) {
    parentPort.postMessage({ ok: false, exportName, message: error instanceof Error ? error.message : String(error) });
  }
});
