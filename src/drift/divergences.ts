/**
 * Ajv errors of a drift validator → divergences of the four kinds. Pure.
 *
 * The validators (generated/validators.js) check a closed copy of the
 * response schema with allErrors; their errors map as:
 *   unevaluatedProperties, additionalProperties → unknown-property
 *   enum, const                                  → unknown-enum-value (type-mismatch when no allowed value has the received type)
 *   required                                     → missing-required
 *   type, format                                 → type-mismatch
 * Other keywords cannot occur (value constraints are dropped at generate time).
 *
 * A failed anyOf (oneOf is generated as anyOf) is reduced to what the caller
 * can act on instead of every branch's complaint: Ajv lists the errors of
 * each branch, then the anyOf error, then (the union having evaluated no
 * property) every property of the object as unevaluated. So, at the union's
 * pointer P:
 *  - the branches failed on the value itself (type/enum/const/format at P):
 *    one divergence at P whose `expected` unites the branches;
 *  - the branches disagree on one property's constant (a discriminant, like
 *    `status: "completed" | "blocked"`): one unknown-enum-value there;
 *  - otherwise the errors of the branches that got past P's own checks;
 * and the unevaluated-property errors at P are dropped.
 */
import type { ArtuDrift, DriftKind } from "./types";
import { escapeToken, parsePointer } from "../core/json-pointer";

/** The fields of an Ajv error the mapping reads (messages are not generated). */
export interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export type Divergence = Omit<ArtuDrift, "operationId">;

/** Longest `actual` kept. */
export const MAX_ACTUAL_LENGTH = 120;

type Item = { readonly at: string; readonly error: AjvError } | { readonly at: string; readonly divergence: Divergence };

const UNION_KEYWORDS = new Set(["anyOf", "oneOf"]);
const VALUE_KEYWORDS = new Set(["type", "enum", "const", "format"]);

export function divergencesOf(errors: readonly AjvError[], data: unknown): Divergence[] {
  const items: Item[] = [];
  const failedUnions = new Set<string>();
  for (const error of errors) {
    if (!UNION_KEYWORDS.has(error.keyword)) {
      items.push({ at: error.instancePath, error });
      continue;
    }
    const at = error.instancePath;
    let start = items.length;
    while (start > 0 && isAtOrUnder(items[start - 1]!.at, at)) start--;
    items.push(...reduceUnion(at, items.splice(start), data));
    failedUnions.add(at);
  }
  const divergences: Divergence[] = [];
  for (const item of items) {
    if ("divergence" in item) divergences.push(item.divergence);
    else if (!(item.error.keyword === "unevaluatedProperties" && failedUnions.has(item.at))) divergences.push(...fromError(item.error, data));
  }
  return divergences;
}

function reduceUnion(at: string, branches: readonly Item[], data: unknown): Item[] {
  const ownValue = branches.filter((item): item is { at: string; error: AjvError } => "error" in item && item.at === at && VALUE_KEYWORDS.has(item.error.keyword));
  const deeper = branches.filter((item) => !ownValue.includes(item as (typeof ownValue)[number]));
  if (deeper.length === 0) return [{ at, divergence: valueDivergence(at, ownValue.map((item) => item.error), data) }];

  const constants = deeper.filter(
    (item): item is { at: string; error: AjvError } =>
      "error" in item && (item.error.keyword === "const" || item.error.keyword === "enum") && isChild(item.at, at),
  );
  const discriminant = constants.find((item) => constants.some((other) => other !== item && other.at === item.at));
  if (discriminant) {
    const sameProperty = constants.filter((item) => item.at === discriminant.at).map((item) => item.error);
    return [{ at: discriminant.at, divergence: valueDivergence(discriminant.at, sameProperty, data) }];
  }
  return deeper;
}

/** The value at `pointer` failed every one of `errors` (type/enum/const/format alternatives): one divergence. */
function valueDivergence(pointer: string, errors: readonly AjvError[], data: unknown): Divergence {
  const value = valueAt(data, pointer);
  const allowed = errors.flatMap(allowedValues);
  const types = errors.flatMap(allowedTypes);
  const kind: DriftKind = allowed.some((candidate) => jsonType(candidate) === jsonType(value)) ? "unknown-enum-value" : "type-mismatch";
  const expected = unique([...allowed.map((candidate) => JSON.stringify(candidate)), ...types]).join(" | ");
  return { pointer, kind, expected, actual: describeValue(value) };
}

function fromError(error: AjvError, data: unknown): Divergence[] {
  const { keyword, params, instancePath } = error;
  switch (keyword) {
    case "unevaluatedProperties":
    case "additionalProperties": {
      const name = String(params.unevaluatedProperty ?? params.additionalProperty);
      const pointer = `${instancePath}/${escapeToken(name)}`;
      return [{ pointer, kind: "unknown-property", expected: "absent", actual: describeValue(valueAt(data, pointer)) }];
    }
    case "required":
      return [{ pointer: `${instancePath}/${escapeToken(String(params.missingProperty))}`, kind: "missing-required", expected: "present", actual: "absent" }];
    case "enum":
    case "const":
    case "type":
    case "format":
      return [valueDivergence(instancePath, [error], data)];
    default:
      return [];
  }
}

function allowedValues(error: AjvError): unknown[] {
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) return error.params.allowedValues;
  if (error.keyword === "const") return [error.params.allowedValue];
  return [];
}

function allowedTypes(error: AjvError): string[] {
  if (error.keyword === "format") return [`string (${String(error.params.format)})`];
  if (error.keyword !== "type") return [];
  const type = error.params.type;
  return Array.isArray(type) ? type.map(String) : String(type).split(",");
}

/** JSON type names as JSON Schema uses them (integers count as numbers). */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** The received value as truncated JSON; `absent` when there is none. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "absent";
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= MAX_ACTUAL_LENGTH ? json : `${json.slice(0, MAX_ACTUAL_LENGTH - 1)}…`;
}

export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * The pointer with array indices replaced by `*` (`/data/3/riskLevel` →
 * `/data/*\/riskLevel`): the same divergence in every item of a list is one.
 */
export function shapeOf(data: unknown, pointer: string): string {
  let node = data;
  let shape = "";
  for (const token of parsePointer(pointer)) {
    shape += Array.isArray(node) ? "/*" : `/${escapeToken(token)}`;
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined;
  }
  return shape;
}

const isAtOrUnder = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);
const isChild = (path: string, parent: string): boolean => path.startsWith(`${parent}/`) && !path.slice(parent.length + 1).includes("/");
const unique = (values: readonly string[]): string[] => [...new Set(values)];
