/**
 * Batch operations: the request body is an object with an `items` array
 * bounded by `maxItems` whose items carry no `_delete` flag (those are sync
 * bodies, see sync.ts). A boolean `atomic` body property, when present, asks
 * for all-or-nothing semantics; its schema default is the server's default.
 */
import type { BatchDescriptor } from "../../../../src/core/operation";
import { arrayView, isBooleanSchema, objectView, schemaKeyword, type Located, type SchemaContext } from "../schema-view";

const ITEMS_FIELD = "items";
const ATOMIC_FIELD = "atomic";
const DELETE_FIELD = "_delete";

export function detectBatch(context: SchemaContext, requestBody: Located | undefined): BatchDescriptor | undefined {
  if (!requestBody) return undefined;
  const body = objectView(context, requestBody);
  const items = body.properties.get(ITEMS_FIELD);
  const array = items && arrayView(context, items);
  if (!array || array.maxItems === undefined) return undefined;
  if (objectView(context, array.items).properties.has(DELETE_FIELD)) return undefined;
  const atomic = body.properties.get(ATOMIC_FIELD);
  if (!atomic || !isBooleanSchema(context, atomic)) return { itemsField: ITEMS_FIELD, maxItems: array.maxItems };
  const atomicDefault = schemaKeyword(context, atomic, "default");
  return {
    itemsField: ITEMS_FIELD,
    maxItems: array.maxItems,
    atomicField: ATOMIC_FIELD,
    ...(typeof atomicDefault === "boolean" ? { atomicDefault } : {}),
  };
}
