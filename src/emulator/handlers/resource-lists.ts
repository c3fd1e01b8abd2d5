/**
 * The list shapes shared by the client resources: `GET /clients/{clientId}/<resource>`
 * (query `cursor`, `limit`) and `POST /<resource>/list` (body `filter`, `cursor`,
 * `offset`, `limit`, `includeTotalCount`).
 */
import { matchesFilter } from "../filters";
import { paginate } from "../pagination";
import { itemsOfClient, type ClientResource, type Entity, type Json } from "../store";
import type { HandlerContext } from "./context";
import { requireClient } from "./client-resources";

export function listForClient(resource: ClientResource) {
  return (context: HandlerContext) => {
    const client = requireClient(context.data, context.path.clientId!);
    return paginate(itemsOfClient(context.data[resource], client.id), context.query, `${resource}:${client.id}`, "/query");
  };
}

export function listWithFilter(resource: ClientResource, searchFields: readonly string[] = []) {
  return (context: HandlerContext) => {
    const body = (context.body ?? {}) as Json;
    const filter = body.filter as Json | undefined;
    const matching = [...context.data[resource].values()].filter((item) => matchesFilter(item, filter, searchFields));
    return paginate(matching, body, `${resource}:${JSON.stringify(filter ?? {})}`, "/body");
  };
}

/** The client's primary item, optionally of one type; undefined when there is none. */
export function primaryOf(items: readonly Entity[], type: unknown): Entity | undefined {
  return items.find((item) => item.isPrimary === true && (type === undefined || item.type === type));
}
