/**
 * The writing roles of a family: create, update (PATCH, merge), replace
 * (PUT), delete, upsert by an external key and actions on one record. Each
 * answers the resource at the place its answer holds it.
 */
import type { Handler, HandlerContext } from "../handlers/context";
import { assertExternalIdFree } from "../handlers/external-id";
import { findByExternalId, type Entity, type Json } from "../store";
import { placeAt } from "./answers";
import { publicView, rememberParents } from "./links";
import type { EnginePlan } from "./plan";
import { isPlainObject, newRecord, patchRecord, setDeclared, type ResourceTemplate } from "./records";
import { belongs, parentFields, recordOf, scopeOf, type Scope } from "./scope";

/** The fields of a PATCH body: the body, or its `data` member when the resource has no `data` field (`{data: {...}}`). */
export function patchFields(body: unknown, template: Json): unknown {
  return isPlainObject(body) && isPlainObject(body.data) && !Object.hasOwn(template, "data") ? body.data : body;
}

export function answerWith(plan: EnginePlan, record: Entity, extra: Readonly<Record<string, unknown>> = {}): unknown {
  const answer = placeAt(plan.answer(), plan.family.resourceAt ?? [], publicView(record));
  if (isPlainObject(answer)) for (const [key, value] of Object.entries(extra)) setDeclared(answer, key, value);
  return answer;
}

/** Creates a record in `scope` from `fields` (the external key must be free). */
export function createIn(
  plan: EnginePlan,
  context: HandlerContext,
  scope: Scope,
  fields: unknown,
  pointer: string,
  fixed: Record<string, unknown> = {},
  template: ResourceTemplate = plan.template(),
): Entity {
  const record = newRecord({
    template,
    id: context.newId(),
    now: context.now(),
    fields,
    fixed: { ...environmentField(template, context), ...parentFields(scope), ...fixed },
  });
  assertExternalIdFree(scope.records, plan.family.collection, record.externalId, undefined, pointer);
  rememberParents(record, fields, plan.parentParams);
  scope.records.set(record.id, record);
  return record;
}

/** Resources that say which environment they live in get the request's. */
function environmentField(template: ResourceTemplate, context: HandlerContext): Record<string, unknown> {
  const sampled = template.declared.environment;
  return sampled === "test" || sampled === "live" ? { environment: context.environment } : {};
}

export function updateRecord(
  plan: EnginePlan,
  context: HandlerContext,
  scope: Scope,
  record: Entity,
  fields: unknown,
  pointer: string,
  template: ResourceTemplate = plan.template(),
): boolean {
  const patch = patchFields(fields, template.declared);
  if (isPlainObject(patch) && typeof patch.externalId === "string") assertExternalIdFree(scope.records, plan.family.collection, patch.externalId, record.id, pointer);
  rememberParents(record, patch, plan.parentParams);
  return patchRecord(record, patch, template, context.now);
}

/** Upsert by external key: `created`, `updated`, or `skipped` when nothing changed. */
export function upsertIn(plan: EnginePlan, context: HandlerContext, scope: Scope, externalId: string, fields: unknown, pointer: string): { record: Entity; action: string } {
  const existing = findByExternalId(scope.records, externalId);
  if (existing && belongs(existing, scope.parent)) {
    return { record: existing, action: updateRecord(plan, context, scope, existing, fields, pointer) ? "updated" : "skipped" };
  }
  return { record: createIn(plan, context, scope, fields, pointer, { externalId }), action: "created" };
}

export const create = (plan: EnginePlan): Handler => (context) => answerWith(plan, createIn(plan, context, scopeOf(plan.family, context, plan.parentsCreatable), context.body, "/body"));

export const update = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const record = recordOf(plan.family, context, scope);
  updateRecord(plan, context, scope, record, context.body, "/body");
  return answerWith(plan, record);
};

/** PUT on the record: the body's fields replace the writable ones; server-managed fields stay. */
export const replace = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const current = recordOf(plan.family, context, scope);
  const fresh = newRecord({ template: plan.template(), id: current.id, now: context.now(), fields: context.body, fixed: parentFields(scope) });
  setDeclared(fresh, "createdAt", current.createdAt);
  scope.records.set(current.id, fresh);
  return answerWith(plan, fresh);
};

export const remove = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const record = recordOf(plan.family, context, scope);
  scope.records.delete(record.id);
  if (plan.family.resourceAt) return answerWith(plan, record);
  if (!plan.operation.responseSchema) return undefined;
  const answer = plan.answer();
  setDeclared(answer, "id", record.id);
  if (typeof answer.deleted === "boolean") answer.deleted = true;
  return answer;
};

export const upsertByExternalId = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const key = plan.family.keyParams?.[0] ?? "externalId";
  const { record, action } = upsertIn(plan, context, scope, context.path[key] ?? "", context.body, "/body");
  return answerWith(plan, record, { action });
};

/** POST /things/{id}/verb: the body's declared fields land on the record, which is the answer. */
export const action = (plan: EnginePlan): Handler => (context) => {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  const record = recordOf(plan.family, context, scope);
  patchRecord(record, context.body, plan.template(), context.now);
  return answerWith(plan, record);
};
