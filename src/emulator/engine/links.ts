/**
 * Membership of a record in a parent's sub-collection when the resource does
 * not declare the parent key: evidence created with `transactionIds` belongs
 * to `/transactions/{transactionId}/evidence`, yet `Evidence` has no such
 * field. The keys are kept under a hidden member that answers never carry.
 */
import type { Entity, Json } from "../store";
import { isPlainObject } from "./records";

const HIDDEN = "~parents";

/** Records the parent keys (`transactionId` or `transactionIds`) that `fields` name, for each parent parameter of the collection. */
export function rememberParents(record: Entity, fields: unknown, parentParams: readonly string[]): void {
  if (!isPlainObject(fields)) return;
  const known: Record<string, string[]> = { ...((record[HIDDEN] as Record<string, string[]> | undefined) ?? {}) };
  for (const param of parentParams) {
    const one = fields[param];
    const many = fields[`${param}s`];
    const ids = [...(typeof one === "string" ? [one] : []), ...(Array.isArray(many) ? many.filter((id): id is string => typeof id === "string") : [])];
    if (ids.length) known[param] = ids;
  }
  if (Object.keys(known).length) Object.defineProperty(record, HIDDEN, { value: known, enumerable: true, writable: true, configurable: true });
}

export function hiddenParents(record: Entity, param: string): readonly string[] {
  const known = record[HIDDEN];
  return isPlainObject(known) && Array.isArray(known[param]) ? (known[param] as string[]) : [];
}

/** The record as answers show it: without the hidden member. */
export function publicView(record: Entity): Json {
  if (!Object.hasOwn(record, HIDDEN)) return record;
  const { [HIDDEN]: _hidden, ...visible } = record;
  return visible;
}
