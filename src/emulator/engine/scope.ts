/**
 * Where a family operation works: its collection in the request's data set,
 * the parent record of a sub-collection (`/clients/{clientId}/addresses`),
 * and the records that belong to that parent.
 */
import { notFound } from "../errors";
import type { HandlerContext } from "../handlers/context";
import { collectionOf, type Entity } from "../store";
import { hiddenParents } from "./links";
import type { FamilyOperation } from "../../../scripts/lib/model/shapes/families";

export interface Scope {
  readonly records: Map<string, Entity>;
  /** The parent key field and value, for sub-collections. */
  readonly parent?: { readonly field: string; readonly id: string };
}

/**
 * Resolves the collection. A sub-collection's parent must exist (404) when
 * the spec lets callers create parents; otherwise the emulator cannot know
 * them and takes the path's word.
 */
export function scopeOf(family: FamilyOperation, context: HandlerContext, parentsCreatable: boolean): Scope {
  const records = collectionOf(context.data, family.collection);
  if (!family.parent) return { records };
  const id = context.path[family.parent.param] ?? "";
  if (parentsCreatable && !collectionOf(context.data, family.parent.collection).has(id)) throw notFound(family.parent.collection, id);
  return { records, parent: { field: family.parent.param, id } };
}

/** A record belongs to the parent through its key field (`clientId`), a list of keys (`transactionIds`), or the keys its request named. */
export function belongs(record: Entity, parent: Scope["parent"]): boolean {
  if (!parent) return true;
  if (record[parent.field] === parent.id) return true;
  const many = record[`${parent.field}s`];
  return (Array.isArray(many) && many.includes(parent.id)) || hiddenParents(record, parent.field).includes(parent.id);
}

/** The record named by the operation's id parameter (404 when missing or under another parent). */
export function recordOf(family: FamilyOperation, context: HandlerContext, scope: Scope): Entity {
  const id = context.path[family.idParam ?? "id"] ?? "";
  const record = scope.records.get(id);
  if (!record || !belongs(record, scope.parent)) throw notFound(family.collection, id);
  return record;
}

/** The server-decided fields of a new record under a parent. */
export function parentFields(scope: Scope): Record<string, unknown> {
  return scope.parent ? { [scope.parent.field]: scope.parent.id } : {};
}
