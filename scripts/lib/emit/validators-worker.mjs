// Compiles the drift validators (validators.ts) with Ajv in a worker thread,
// so that Ajv's compilation overlaps openapi-typescript and the emit on the
// main thread. Ajv starts loading as soon as the worker starts. Plain
// JavaScript: a worker gets no TypeScript loader under vitest or plain node.
// Message in: { schema, exports, origins } (one schema holding every
//   definition; exports maps an export name to the ref of its schema inside
//   `schema`, several names may share one; origins maps each `shared:<n>`
//   definition to the definitions it was taken out of, shared-schemas.ts).
// Message out: { ok: true, code, skipped, unknownFormats, warnings } (Ajv's
//   standalone module, ESM, as Ajv's standaloneCode writes it, holding every
//   export that compiled; skipped: [{ exportName, message, pointers }] for
//   those Ajv cannot compile; the formats Ajv does not know, once each; Ajv's
//   other warnings) or { ok: false, message } when Ajv itself fails.
//
// Cost (Microsoft Graph, 7,444 validators): the module is assembled by
// standalone-code.mjs (Ajv's own assembly is quadratic: ~35 s there), and the
// schema arrives with its repeated parts shared (shared-schemas.ts), so what
// is left is Ajv generating code once per distinct schema.
import { parentPort } from "node:worker_threads";
import { DRIFT_AJV_OPTIONS, skipFunctionParsing } from "./validators-ajv.mjs";

const loading = Promise.all([import("ajv/dist/2020.js"), import("./standalone-code.mjs"), import("ajv-formats")]);

/** CommonJS modules: depending on the loader the default import is the value or the module. */
const unwrap = (module) => module.default?.default ?? module.default ?? module;

parentPort.once("message", async ({ schema, exports, origins }) => {
  try {
    const [ajvModule, { standaloneModule }, formatsModule] = await loading;
    const Ajv2020 = ajvModule.Ajv2020 ?? unwrap(ajvModule);
    const unknownFormats = new Set();
    const warnings = [];
    const ajv = new Ajv2020({
      ...DRIFT_AJV_OPTIONS,
      code: { ...DRIFT_AJV_OPTIONS.code, process: skipFunctionParsing },
      // "unknown format" comes once per schema using it (hundreds on a large
      // spec): collected by name and reported in one line by the caller.
      logger: {
        log() {},
        warn(message) {
          const format = /^unknown format "(.*)" ignored/.exec(String(message));
          if (format) unknownFormats.add(format[1]);
          else warnings.push(String(message));
        },
        error(message) {
          warnings.push(String(message));
        },
      },
    });
    unwrap(formatsModule)(ajv);
    ajv.addSchema(schema);
    const compiled = {};
    const skipped = [];
    const broken = brokenDefinitions(ajv, schema);
    for (const [exportName, ref] of Object.entries(exports)) {
      try {
        ajv.getSchema(ref);
        compiled[exportName] = ref;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        skipped.push({ exportName, message, pointers: reachableBroken(schema, ref, broken(), origins ?? {}) });
      }
    }
    const code = standaloneModule(ajv, compiled);
    parentPort.postMessage({ ok: true, code, skipped, unknownFormats: [...unknownFormats].sort(), warnings });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

/** `$defs` key of a ref into the shared schema (a document pointer, or "operation:<id>"). */
function defsKey(ref, id) {
  const prefix = `${id}#/$defs/`;
  if (typeof ref !== "string" || !ref.startsWith(prefix)) return undefined;
  return decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Lazily, once: the document pointers ($defs keys) whose own schema Ajv cannot compile. */
function brokenDefinitions(ajv, schema) {
  let found;
  return () => {
    if (found) return found;
    found = new Set();
    for (const key of Object.keys(schema.$defs)) {
      if (key.startsWith("operation:")) continue;
      try {
        ajv.compile(withoutRefs(schema.$defs[key]));
      } catch {
        found.add(key);
      }
    }
    return found;
  };
}

/**
 * The document pointers of the broken definitions an export reaches through
 * its refs (none: the fault is in the response schema itself). A broken
 * `shared:<n>` part is reported at the definitions it was taken out of that
 * the export reaches.
 */
function reachableBroken(schema, ref, broken, origins) {
  const start = defsKey(ref, schema.$id);
  const seen = new Set([start]);
  const queue = [schema.$defs[start]];
  while (queue.length > 0) {
    const node = queue.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      const target = key === "$ref" ? defsKey(value, schema.$id) : undefined;
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(schema.$defs[target]);
      } else if (value !== null && typeof value === "object") queue.push(value);
    }
  }
  const pointers = new Set();
  const report = (key, visiting) => {
    if (!Object.hasOwn(origins, key)) {
      if (seen.has(key) && !key.startsWith("operation:")) pointers.add(key);
      return;
    }
    for (const origin of origins[key]) {
      if (visiting.has(origin)) continue;
      visiting.add(origin);
      report(origin, visiting);
    }
  };
  for (const key of seen) if (broken.has(key)) report(key, new Set([key]));
  return [...pointers].sort();
}

/** A deep copy without `$ref`s: compiles a definition on its own, so only its own faults fail it. */
function withoutRefs(node) {
  if (Array.isArray(node)) return node.map(withoutRefs);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "$ref").map(([key, value]) => [key, withoutRefs(value)]));
}
