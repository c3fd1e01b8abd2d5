/**
 * Deterministic JSON for the snapshot: object keys sorted by code unit at
 * every depth (OpenAPI gives no meaning to key order), arrays kept in order
 * (parameters, enums, allOf/anyOf, tags… are ordered), 2-space indentation and
 * a trailing newline. The same input always serializes to the same bytes.
 */

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy of `value` with every object's keys in sorted order. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T;
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  }
  return sorted as T;
}

/** The snapshot's on-disk form of `value`. */
export function serializeNormalized(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** Structural equality that ignores key order (used to compare shared parts of documents). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeysDeep(a)) === JSON.stringify(sortKeysDeep(b));
}
