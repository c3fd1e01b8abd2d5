/**
 * Sync-shaped operations (the shape the sync planner reads): per array of
 * the body, an item with an id updates its record (or deletes it with the
 * delete flag), one without creates (when the array is creatable), and the
 * replace-mode flag deletes the parent's records the array does not mention.
 * The array `items` works on the family's own collection; another array on
 * the collection of its name. Answers `{created, updated, deleted}` per array
 * (at the answer's member named like the array, or the answer itself).
 */
import type { SyncPlannerShape } from "../../../scripts/lib/model/types";
import { invalidAt, notFound } from "../errors";
import type { Handler, HandlerContext } from "../handlers/context";
import { collectionOf, type Entity, type Json } from "../store";
import { placeAt, valueAt } from "./answers";
import { publicView } from "./links";
import type { EnginePlan } from "./plan";
import { isPlainObject, type ResourceTemplate } from "./records";
import { belongs, scopeOf, type Scope } from "./scope";
import { createIn, updateRecord } from "./writes";

interface SyncResult {
  created: Json[];
  updated: Json[];
  deleted: string[];
}

export const sync = (plan: EnginePlan, shape: SyncPlannerShape): Handler => (context) => {
  const body = (context.body ?? {}) as Json;
  const replace = shape.replaceModeField !== undefined && body[shape.replaceModeField] === true;
  const own = scopeOf(plan.family, context, plan.parentsCreatable);
  let answer: unknown = plan.answer();
  for (const array of shape.arrays) {
    const items = body[array.name];
    if (!Array.isArray(items)) continue;
    const scope: Scope = array.name === "items" ? own : { ...own, records: collectionOf(context.data, array.name) };
    const at = isPlainObject(valueAt(answer, [array.name])) ? [array.name] : [];
    const result = syncArray(plan, context, scope, items as Json[], array, replace, plan.template([...at, "created"]));
    answer = at.length ? placeAt(answer, at, result) : { ...(answer as Json), ...result };
  }
  return answer;
};

function syncArray(
  plan: EnginePlan,
  context: HandlerContext,
  scope: Scope,
  items: readonly Json[],
  array: SyncPlannerShape["arrays"][number],
  replace: boolean,
  template: ResourceTemplate,
): SyncResult {
  const result: SyncResult = { created: [], updated: [], deleted: [] };
  const mentioned = new Set<string>();
  items.forEach((item, index) => {
    const pointer = `/body/${array.name}/${index}`;
    const id = item[array.idField];
    if (typeof id !== "string") {
      if (!array.creatable) throw invalidAt(`${pointer}/${array.idField}`, "is required: this array cannot create records");
      const record = createIn(plan, context, scope, item, pointer, {}, template);
      mentioned.add(record.id);
      result.created.push(publicView(record));
      return;
    }
    const record = scope.records.get(id);
    if (!record || !belongs(record, scope.parent)) throw notFound(array.name, id);
    mentioned.add(id);
    if (item[array.deleteField] === true) {
      scope.records.delete(id);
      result.deleted.push(id);
    } else if (updateRecord(plan, context, scope, record, item, pointer, template)) {
      result.updated.push(publicView(record));
    }
  });
  if (replace) {
    for (const record of [...scope.records.values()] as Entity[]) {
      if (belongs(record, scope.parent) && !mentioned.has(record.id)) {
        scope.records.delete(record.id);
        result.deleted.push(record.id);
      }
    }
  }
  return result;
}
