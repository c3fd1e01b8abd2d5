/**
 * Batch roles (`items`, `atomic`): create many, update many (`{id, data}`
 * items) and upsert many by `externalId`, through the shared batch runner
 * (atomic: the first failure fails the request and nothing is written).
 */
import { notFound } from "../errors";
import type { Handler } from "../handlers/context";
import { runBatch } from "../handlers/batch";
import type { Entity, Json } from "../store";
import { valueAt } from "./answers";
import { publicView } from "./links";
import type { EnginePlan } from "./plan";
import { isPlainObject, setDeclared } from "./records";
import { scopeOf } from "./scope";
import { createIn, updateRecord, upsertIn } from "./writes";

type BatchBody = { items: Json[]; atomic?: boolean };

export const batchCreate = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const outcome = runBatch(context.body as BatchBody, (item, pointer) => createIn(plan, context, scope, item, pointer));
  return batchAnswer(plan, outcome.atomic, outcome.data.map((record) => ({ record })), outcome.errors);
};

export const batchUpdate = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const outcome = runBatch(context.body as BatchBody, (item, pointer) => {
    const id = String(item.id ?? "");
    const record = scope.records.get(id);
    if (!record) throw notFound(plan.family.collection, id);
    updateRecord(plan, context, scope, record, item, pointer);
    return record;
  });
  return batchAnswer(plan, outcome.atomic, outcome.data.map((record) => ({ record })), outcome.errors);
};

export const batchUpsert = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const outcome = runBatch(context.body as BatchBody, (item, pointer) => upsertIn(plan, context, scope, String(item.externalId ?? ""), item, pointer));
  return batchAnswer(plan, outcome.atomic, outcome.data, outcome.errors);
};

/** The sampled batch answer with `data` (elements shaped like the sampled one: the record, or `{action, data}`), `atomic` and `errors`. */
function batchAnswer(plan: EnginePlan, atomic: boolean, results: readonly { record: Entity; action?: string }[], errors: unknown[] | undefined): Json {
  const answer = plan.answer();
  const sampled = valueAt(answer, ["data"]);
  const first = Array.isArray(sampled) ? sampled[0] : undefined;
  const enveloped = isPlainObject(first) && !Object.hasOwn(first, "id") && Object.hasOwn(first, "data");
  answer.data = results.map(({ record, action }) => {
    const visible = publicView(record);
    return enveloped ? { ...(action && Object.hasOwn(first, "action") ? { action } : {}), data: visible } : visible;
  });
  setDeclared(answer, "atomic", atomic);
  if (errors) answer.errors = errors;
  else delete answer.errors;
  return answer;
}
