/**
 * What the operation rules do not look at: everything of an operation except
 * what they compare (identity, docs, security, parameters' name/in/required,
 * bodies' presence, statuses, media types and every schema, which the schema
 * rules compare keyword by keyword with their own catch-all). Both operations
 * are reduced to that outline, `$ref`s inlined, and each difference left is
 * reported: examples as `example-changed`, `x-` extensions as
 * `extension-changed`, anything else as `operation-changed-unclassified`
 * (a warning naming the keyword and where it is). When the operation's text
 * changed but no rule and no outline difference explains it, the schemas were
 * rewritten into equivalent forms (`schema-rewritten-equivalently`).
 */
import { isRef } from "../spec/refs";
import { resolvePointer } from "../spec/pointer";
import type { OperationEntry } from "../spec/operations";
import type { Side } from "./diff-schema";

type Json = unknown;
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === "object" && !Array.isArray(value);

/** Operation keys the rules compare (or that name the operation). */
const COMPARED_OPERATION_KEYS = new Set(["operationId", "tags", "summary", "description", "deprecated", "security", "parameters", "requestBody", "responses"]);
const MAX_DIFFERENCES = 20;

export interface Difference {
  /** Where in the operation's outline, as tokens (`responses`, `200`, `headers`, …). */
  readonly path: readonly string[];
  readonly kind: "example-changed" | "extension-changed" | "operation-changed-unclassified";
}

export function unexplainedDifferences(base: Side, baseEntry: OperationEntry, head: Side, headEntry: OperationEntry): Difference[] {
  const [left, right] = pairedOutlines(outline(base, baseEntry), outline(head, headEntry));
  const differences: Difference[] = [];
  collectDifferences(left, right, [], differences);
  return differences;
}

interface Outline {
  readonly rest: JsonObject;
  readonly parameters: Map<string, JsonObject>;
  readonly requestBody: JsonObject | undefined;
  readonly responses: Map<string, JsonObject>;
}

function outline(side: Side, entry: OperationEntry): Outline {
  const inline = (value: Json) => inlineRefs(side.document, value, new Set());
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(entry.operation)) if (!COMPARED_OPERATION_KEYS.has(key)) rest[key] = inline(value);
  const parameters = new Map<string, JsonObject>();
  for (const list of [entry.pathItem.parameters, entry.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = inline(raw);
      if (!isObject(parameter)) continue;
      const { name, in: location, required: _required, deprecated: _deprecated, description: _description, ...others } = parameter;
      parameters.set(`${String(location)}:${String(name)}`, others);
    }
  }
  const body = inline(entry.operation.requestBody);
  const requestBody = isObject(body) ? withoutKeys(body, ["required", "description"]) : undefined;
  const responses = new Map<string, JsonObject>();
  const rawResponses = inline(entry.operation.responses);
  if (isObject(rawResponses)) {
    for (const [status, response] of Object.entries(rawResponses)) if (isObject(response)) responses.set(status, withoutKeys(response, ["description"]));
  }
  return { rest, parameters, requestBody, responses };
}

function withoutKeys(value: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** Only what both sides have: additions and removals of parameters, bodies, statuses and media types have rules of their own. */
function pairedOutlines(left: Outline, right: Outline): [JsonObject, JsonObject] {
  const shared = <T>(a: Map<string, T>, b: Map<string, T>) => [...a.keys()].filter((key) => b.has(key)).sort();
  const pick = (source: Outline, other: Outline): JsonObject => ({
    ...source.rest,
    parameters: Object.fromEntries(shared(left.parameters, right.parameters).map((key) => [key, source.parameters.get(key)])),
    requestBody: source.requestBody && other.requestBody ? sharedContent(source.requestBody, other.requestBody) : null,
    responses: Object.fromEntries(shared(left.responses, right.responses).map((status) => [status, sharedContent(source.responses.get(status)!, other.responses.get(status)!)])),
  });
  return [pick(left, right), pick(right, left)];
}

function sharedContent(value: JsonObject, other: JsonObject): JsonObject {
  if (!isObject(value.content) || !isObject(other.content)) return value;
  const otherContent = other.content;
  return { ...value, content: Object.fromEntries(Object.entries(value.content).filter(([type]) => type in otherContent)) };
}

/** `$ref`s replaced by their targets; `schema` values blanked (the schema rules compare them). */
function inlineRefs(document: unknown, value: Json, seen: ReadonlySet<string>): Json {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(document, item, seen));
  if (!isObject(value)) return value;
  if (isRef(value)) {
    const ref = value.$ref;
    if (seen.has(ref) || !ref.startsWith("#")) return { $ref: ref };
    return inlineRefs(document, resolvePointer(document, decodeURIComponent(ref.slice(1))), new Set(seen).add(ref));
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === "schema" ? "(schema)" : inlineRefs(document, item, seen)]));
}

function collectDifferences(left: Json, right: Json, path: string[], out: Difference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (isObject(left) && isObject(right)) {
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) collectDifferences(left[key], right[key], [...path, key], out);
    return;
  }
  if (Array.isArray(left) && Array.isArray(right) && left.length === right.length) {
    left.forEach((item, index) => collectDifferences(item, right[index], [...path, String(index)], out));
    return;
  }
  if (JSON.stringify(left) === JSON.stringify(right)) return;
  out.push({ path, kind: classify(path) });
}

function classify(path: readonly string[]): Difference["kind"] {
  if (path.some((token) => token === "example" || token === "examples")) return "example-changed";
  if (path.some((token) => token.startsWith("x-"))) return "extension-changed";
  return "operation-changed-unclassified";
}
