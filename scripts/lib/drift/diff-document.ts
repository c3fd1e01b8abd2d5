/**
 * What changes outside the operations: servers, webhooks (added/removed;
 * a removed webhook is a callback users stop receiving), document
 * information, components no operation reaches, and anything else, which is
 * reported per top-level key as `document-changed-unclassified` (a warning
 * naming the pointer), never folded silently into another verdict.
 */
import type { OpenApiDocument } from "../spec/load";
import { sameJson } from "../spec/normalize";
import { pointer } from "../spec/pointer";
import { walkRefs } from "../spec/refs";
import { DOCUMENT_SCOPE } from "./change";
import type { ChangeCollector } from "./collector";
import { diffSchema, type Side } from "./diff-schema";

type JsonObject = Record<string, unknown>;

/** Top-level keys compared elsewhere (operations, document-wide security) or here. */
const HANDLED = new Set(["paths", "security", "servers", "webhooks", "components", "info", "tags", "externalDocs", "openapi"]);
const DOCUMENTATION = ["info", "tags", "externalDocs"];

export function diffDocumentLevel(base: OpenApiDocument, head: OpenApiDocument, collector: ChangeCollector, sources: { base: string; head: string }): void {
  const report = (id: string, at: string, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    collector.report(DOCUMENT_SCOPE, id, { pointer: at, message, ...values });
  const left = base as JsonObject;
  const right = head as JsonObject;
  if (!sameJson(left.servers, right.servers)) report("servers-changed", "/servers", "servers changed", { before: left.servers, after: right.servers });
  diffWebhooks(left, right, report, (name) => diffWebhookPayloads(collector, { document: left, source: sources.base }, { document: right, source: sources.head }, name));
  for (const key of DOCUMENTATION) {
    if (!sameJson(left[key], right[key])) report("info-changed", right[key] === undefined ? "" : `/${key}`, `\`${key}\` of the document changed`);
  }
  diffUnusedComponents(left, right, report);
  for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
    if (HANDLED.has(key) || sameJson(left[key], right[key])) continue;
    const id = key.startsWith("x-") ? "extension-changed" : "document-changed-unclassified";
    report(id, right[key] === undefined ? "" : pointer([key]), `\`${key}\` at the top of the document changed${id === "document-changed-unclassified" ? "; no rule covers it" : ""}`);
  }
  if (left.openapi !== right.openapi) {
    report("document-changed-unclassified", "/openapi", `OpenAPI version ${String(left.openapi)} → ${String(right.openapi)}; no rule covers it`, { before: left.openapi, after: right.openapi });
  }
}

type Reporter = (id: string, at: string, message: string, values?: { before?: unknown; after?: unknown }) => void;

function diffWebhooks(left: JsonObject, right: JsonObject, report: Reporter, comparePayloads: (name: string) => boolean): void {
  const names = (document: JsonObject) => (document.webhooks !== null && typeof document.webhooks === "object" ? (document.webhooks as JsonObject) : {});
  const old = names(left);
  const now = names(right);
  for (const name of Object.keys(now).sort()) {
    if (!(name in old)) report("webhook-added", pointer(["webhooks", name]), `webhook \`${name}\` added`);
    else if (!sameJson(old[name], now[name]) && !comparePayloads(name)) {
      report("document-changed-unclassified", pointer(["webhooks", name]), `webhook \`${name}\` changed outside its payload schemas; no rule covers it`);
    }
  }
  for (const name of Object.keys(old).sort()) {
    if (!(name in now)) report("webhook-removed", pointer(["webhooks", name]), `webhook \`${name}\` removed`);
  }
}

/**
 * The payloads of one webhook, compared like responses (the server produces
 * them, users' handlers read them). True when a rule explained the change.
 */
function diffWebhookPayloads(collector: ChangeCollector, base: Side, head: Side, name: string): boolean {
  const scope = { operationId: `webhook ${name}`, method: "", path: "" };
  const before = collector.changes.length;
  const operations = (side: Side) => ((side.document as JsonObject).webhooks as Record<string, JsonObject>)[name] ?? {};
  for (const [method, operation] of Object.entries(operations(head))) {
    const old = operations(base)[method] as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
    const now = operation as typeof old;
    const oldContent = old?.requestBody?.content ?? {};
    for (const [type, media] of Object.entries(now?.requestBody?.content ?? {})) {
      const previous = oldContent[type];
      if (previous?.schema === undefined || media.schema === undefined) continue;
      const at = pointer(["webhooks", name, method, "requestBody", "content", type, "schema"]);
      diffSchema({ base, head, scope, collector, visited: new Set() }, "response", { origin: `\`${name}\` webhook payload`, field: "" }, { value: previous.schema, pointer: at }, { value: media.schema, pointer: at });
    }
  }
  return collector.changes.length > before;
}

/** Components no path or webhook reaches (transitively through `$ref`): changing one changes no operation. */
function diffUnusedComponents(left: JsonObject, right: JsonObject, report: Reporter): void {
  const usedLeft = reachedComponents(left);
  const usedRight = reachedComponents(right);
  const componentsOf = (document: JsonObject) => {
    const result = new Map<string, unknown>();
    const components = (document.components ?? {}) as Record<string, JsonObject>;
    for (const [kind, group] of Object.entries(components)) {
      if (group === null || typeof group !== "object") continue;
      for (const [name, value] of Object.entries(group)) result.set(pointer(["components", kind, name]), value);
    }
    return result;
  };
  const old = componentsOf(left);
  const now = componentsOf(right);
  for (const at of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    if (sameJson(old.get(at), now.get(at))) continue;
    // Used components are compared through the operations that reach them; security schemes by diffSecurity.
    if (usedLeft.has(at) || usedRight.has(at) || at.startsWith("/components/securitySchemes/")) continue;
    report("unused-component-changed", now.has(at) ? at : "", `component ${at} changed (no operation uses it)`);
  }
}

function reachedComponents(document: JsonObject): Set<string> {
  const reached = new Set<string>();
  const queue: unknown[] = [document.paths, document.webhooks];
  while (queue.length > 0) {
    for (const { ref } of walkRefs(queue.pop())) {
      if (!ref.startsWith("#/components/")) continue;
      const at = decodeURIComponent(ref.slice(1)).split("/").slice(0, 4).join("/");
      if (reached.has(at)) continue;
      reached.add(at);
      queue.push(resolve(document, at));
    }
  }
  return reached;
}

function resolve(document: JsonObject, at: string): unknown {
  let value: unknown = document;
  for (const token of at.split("/").slice(1)) value = value !== null && typeof value === "object" ? (value as JsonObject)[token.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return value;
}
