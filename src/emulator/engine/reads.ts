/**
 * The reading roles of a family: retrieve by id, by external key, by a
 * metadata pair, lists (GET with query, POST …/list with a filter body,
 * plain arrays) and counts.
 */
import { notFound } from "../errors";
import type { Handler, HandlerContext } from "../handlers/context";
import { hasMetadata, matchesFilter } from "../filters";
import { paginate } from "../pagination";
import type { Entity, Json } from "../store";
import { countField } from "./count-field";
import { publicView } from "./links";
import type { EnginePlan } from "./plan";
import { isPlainObject } from "./records";
import { belongs, recordOf, scopeOf } from "./scope";
import { answerWith } from "./writes";

const PAGING = new Set(["cursor", "limit", "offset", "includeTotalCount", "sort"]);

export const retrieve = (plan: EnginePlan): Handler => (context) => answerWith(plan, recordOf(plan.family, context, scopeOf(plan.family, context, plan.parentsCreatable)));

export const retrieveByExternalId = (plan: EnginePlan): Handler => (context) => {
  const key = plan.family.keyParams?.[0] ?? "externalId";
  const value = context.path[key] ?? "";
  const found = matching(plan, context, (record) => record.externalId === value)[0];
  if (!found) throw notFound(`${plan.family.collection} with externalId`, value);
  return answerWith(plan, found);
};

export const retrieveByMetadata = (plan: EnginePlan): Handler => (context) => {
  const [keyParam = "key", valueParam = "value"] = plan.family.keyParams ?? [];
  const key = context.path[keyParam] ?? "";
  const value = context.path[valueParam] ?? "";
  const found = matching(plan, context, (record) => hasMetadata(record, key, value))[0];
  if (!found) throw notFound(`${plan.family.collection} with metadata ${key}`, value);
  return answerWith(plan, found);
};

export const list = (plan: EnginePlan): Handler => (context) => {
  const input = (plan.family.listIn === "body" ? context.body ?? {} : context.query) as Json;
  const filter = filterOf(input, plan);
  const records = matching(plan, context, (record) => matchesFilter(record, filter, searchFields(record))).map(publicView);
  if (!plan.family.paged) return records;
  const scope = `${plan.operation.operationId}:${JSON.stringify(context.path)}:${JSON.stringify(filter ?? {})}`;
  return paginate(records, input, scope, plan.family.listIn === "body" ? "/body" : "/query");
};

export const count = (plan: EnginePlan): Handler => (context) => {
  const input = (plan.operation.method === "get" ? context.query : context.body ?? {}) as Json;
  const answer = plan.answer();
  const field = countField(answer);
  if (field) answer[field] = matching(plan, context, (record) => matchesFilter(record, filterOf(input, plan), searchFields(record))).length;
  return answer;
};

function matching(plan: EnginePlan, context: HandlerContext, test: (record: Entity) => boolean): Entity[] {
  const scope = scopeOf(plan.family, context, plan.parentsCreatable);
  return [...scope.records.values()].filter((record) => belongs(record, scope.parent) && test(record));
}

/** A `filter` object when the request has one, else its scalar fields other than paging ones (equality). */
function filterOf(input: Json, plan: EnginePlan): Json | undefined {
  if (isPlainObject(input.filter)) return input.filter;
  const pathParams = new Set(plan.operation.parameters.filter((p) => p.in === "path").map((p) => p.name));
  const scalars = Object.entries(input).filter(([name, value]) => !PAGING.has(name) && !pathParams.has(name) && value !== null && typeof value !== "object");
  return scalars.length ? Object.fromEntries(scalars) : undefined;
}

const searchFields = (record: Entity): string[] => Object.keys(record).filter((key) => typeof record[key] === "string" && key !== "id");
