/**
 * Records of a resource family: built from the sampled resource, with the
 * request's fields laid over the properties the resource declares (when the
 * value has the sampled value's JSON type, so the answer keeps validating),
 * and the server-managed fields (`id`, `createdAt`, `updatedAt`) set from
 * the seeded ids and clock.
 */
import type { Entity, Json } from "../store";

export const isPlainObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

const jsonType = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Writes `source`'s fields that `target` declares with the same JSON type; returns true when a value changed. */
export function overlay(target: Json, source: unknown): boolean {
  if (!isPlainObject(source)) return false;
  let changed = false;
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(target, key) || jsonType(target[key]) !== jsonType(source[key])) continue;
    if (JSON.stringify(target[key]) === JSON.stringify(source[key])) continue;
    // defineProperty: a field named "__proto__" stays a plain field.
    Object.defineProperty(target, key, { value: structuredClone(source[key]), enumerable: true, writable: true, configurable: true });
    changed = true;
  }
  return changed;
}

/** Sets a declared field (only fields the resource has, so answers keep validating). */
export function setDeclared(target: Json, key: string, value: unknown): void {
  if (Object.hasOwn(target, key)) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface NewRecord {
  readonly template: Json;
  readonly id: string;
  readonly now: string;
  readonly fields?: unknown;
  /** Fields the server decides (parent key, external key, environment). */
  readonly fixed?: Readonly<Record<string, unknown>>;
}

export function newRecord({ template, id, now, fields, fixed = {} }: NewRecord): Entity {
  const record = structuredClone(template);
  overlay(record, fields);
  for (const [key, value] of Object.entries(fixed)) setDeclared(record, key, value);
  setDeclared(record, "createdAt", now);
  setDeclared(record, "updatedAt", now);
  Object.defineProperty(record, "id", { value: id, enumerable: true, writable: true, configurable: true });
  return record as Entity;
}

/** Applies a patch; `updatedAt` moves only when something changed. */
export function patchRecord(record: Entity, fields: unknown, now: () => string): boolean {
  const changed = overlay(record, fields);
  if (changed) setDeclared(record, "updatedAt", now());
  return changed;
}
