/**
 * ARTU's list filters: per field a scalar (equality) or an operator object
 * (`eq`, `in`, `nin`, `gt`, `gte`, `lt`, `lte`), plus `metadataFilters`
 * (`[{key, value}]`) and `search` (case-insensitive substring of `searchFields`).
 * Array-valued record fields (`relatedClientIds`) match when any element does.
 * Filter keys the emulator cannot evaluate (nested `scopeData`, `tagIds`,
 * `riskAssessment`) are ignored.
 */
import type { Json } from "./store";

const IGNORED = new Set(["scopeData", "tagIds", "riskAssessment"]);

export function matchesFilter(record: Json, filter: Json | undefined, searchFields: readonly string[] = []): boolean {
  if (!filter) return true;
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined || IGNORED.has(key)) continue;
    if (key === "metadataFilters") {
      const pairs = condition as { key: string; value: string }[];
      if (!pairs.every(({ key: k, value }) => hasMetadata(record, k, value))) return false;
    } else if (key === "search") {
      const needle = String(condition).toLowerCase();
      if (!searchFields.some((field) => String(record[field] ?? "").toLowerCase().includes(needle))) return false;
    } else if (!matchesCondition(record[key], condition)) return false;
  }
  return true;
}

/** Whether the record's metadata has `key` as an own member whose string form is `value`: inherited names (`constructor`) never match. */
export function hasMetadata(record: Json, key: string, value: string): boolean {
  const metadata = record.metadata;
  return metadata !== null && typeof metadata === "object" && Object.hasOwn(metadata, key) && String((metadata as Json)[key]) === value;
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (Array.isArray(value)) return value.some((element) => matchesCondition(element, condition));
  if (condition === null || typeof condition !== "object") return value === condition;
  const ops = condition as Json;
  if ("eq" in ops && value !== ops.eq) return false;
  if (Array.isArray(ops.in) && !ops.in.includes(value)) return false;
  if (Array.isArray(ops.nin) && ops.nin.includes(value)) return false;
  if ("gt" in ops && !(compare(value, ops.gt) > 0)) return false;
  if ("gte" in ops && !(compare(value, ops.gte) >= 0)) return false;
  if ("lt" in ops && !(compare(value, ops.lt) < 0)) return false;
  if ("lte" in ops && !(compare(value, ops.lte) <= 0)) return false;
  return true;
}

/** Numbers numerically (amounts may be stored as strings), everything else as strings (ISO dates sort lexically). */
function compare(a: unknown, b: unknown): number {
  if (a === undefined || a === null) return Number.NaN;
  const na = Number(a);
  const nb = Number(b);
  if (typeof b === "number" && Number.isFinite(na)) return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
