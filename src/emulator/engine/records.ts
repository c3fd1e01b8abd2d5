/**
 * Records of a resource family: built from the sampled resource's required
 * fields, with the request's fields laid over the properties the resource
 * declares (when the value has the sampled value's JSON type, so the answer
 * keeps validating), and the server-managed fields (`id`, `createdAt`,
 * `updatedAt`) set from the seeded ids and clock.
 */
import type { Entity, Json } from "../store";

export const isPlainObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

const jsonType = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** The resource as sampled: `declared` has every property (its value gives the JSON type), `base` the required ones. */
export interface ResourceTemplate {
  readonly declared: Json;
  readonly base: Json;
}

/** Writes `source`'s fields that the resource declares, with the declared JSON type; returns true when a value changed. */
export function overlay(target: Json, source: unknown, declared: Json): boolean {
  if (!isPlainObject(source)) return false;
  let changed = false;
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(declared, key) || jsonType(declared[key]) !== jsonType(source[key])) continue;
    if (Object.hasOwn(target, key) && JSON.stringify(target[key]) === JSON.stringify(source[key])) continue;
    setField(target, key, structuredClone(source[key]));
    changed = true;
  }
  return changed;
}

/** defineProperty: a field named "__proto__" stays a plain field. */
function setField(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets a field the resource declares (only those, so answers keep validating). */
export function setDeclared(target: Json, key: string, value: unknown, declared: Json = target): void {
  if (Object.hasOwn(declared, key)) setField(target, key, value);
}

export interface NewRecord {
  readonly template: ResourceTemplate;
  readonly id: string;
  readonly now: string;
  readonly fields?: unknown;
  /** Fields the server decides (parent key, external key, environment). */
  readonly fixed?: Readonly<Record<string, unknown>>;
}

export function newRecord({ template, id, now, fields, fixed = {} }: NewRecord): Entity {
  const record = structuredClone(template.base);
  overlay(record, fields, template.declared);
  for (const [key, value] of Object.entries(fixed)) setDeclared(record, key, value, template.declared);
  setDeclared(record, "createdAt", now, template.declared);
  setDeclared(record, "updatedAt", now, template.declared);
  setField(record, "id", id);
  return record as Entity;
}

/** Applies a patch; `updatedAt` moves only when something changed. */
export function patchRecord(record: Entity, fields: unknown, template: ResourceTemplate, now: () => string): boolean {
  const changed = overlay(record, fields, template.declared);
  if (changed) setDeclared(record, "updatedAt", now(), template.declared);
  return changed;
}
