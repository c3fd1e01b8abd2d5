/**
 * Clients: create (one or a batch), retrieve, update, delete, retrieve by
 * metadata, list, promote. A client created directly is primary; one created
 * through `createRelated` is not until promoted.
 */
import { conflict, notFound } from "../errors";
import { assertExternalIdFree } from "./external-id";
import { hasMetadata, matchesFilter } from "../filters";
import { paginate } from "../pagination";
import { CLIENT_RESOURCES, type Dataset, type Entity, type Json } from "../store";
import { clientView } from "../views";
import { runBatch } from "./batch";
import type { HandlerContext, HandlerTable } from "./context";
import { requireClient, writableFields } from "./client-resources";
import { canonicalEqual } from "../../core/canonical-json";

export function createClient(context: HandlerContext, data: Dataset, input: Json, pointer: string, isPrimary = true): Entity {
  const fields = writableFields(input);
  assertExternalIdFree(data.clients, "client", fields.externalId, undefined, pointer);
  const now = context.now();
  const client: Entity = { scopes: ["base"], ...fields, isPrimary, id: context.newId(), createdAt: now, updatedAt: now };
  data.clients.set(client.id, client);
  return client;
}

/** Applies the writable fields of `input`; returns whether anything changed. */
export function updateClient(context: HandlerContext, data: Dataset, client: Entity, input: Json, pointer: string): boolean {
  const changes = Object.entries(writableFields(input)).filter(([key, value]) => key !== "isPrimary" && !canonicalEqual(client[key], value));
  if (!changes.length) return false;
  const patch = Object.fromEntries(changes);
  assertExternalIdFree(data.clients, "client", patch.externalId, client.id, pointer);
  Object.assign(client, patch, { updatedAt: context.now() });
  return true;
}

/** Removes a client with everything it owns, its links (both ends) and its place in transactions. */
export function deleteClient(context: HandlerContext, data: Dataset, clientId: string): void {
  data.clients.delete(clientId);
  for (const resource of CLIENT_RESOURCES) {
    for (const item of [...data[resource].values()]) if (item.clientId === clientId) data[resource].delete(item.id);
  }
  for (const link of [...data.links.values()]) {
    if (link.parentClientId === clientId || link.childClientId === clientId) data.links.delete(link.id);
  }
  for (const transaction of data.transactions.values()) {
    const related = transaction.relatedClientIds as string[];
    if (related.includes(clientId)) {
      transaction.relatedClientIds = related.filter((id) => id !== clientId);
      transaction.updatedAt = context.now();
    }
  }
}


const view = (context: HandlerContext, client: Entity): Json => clientView(context.data, client, context.currentTime);

export const clientHandlers: HandlerTable = {
  "clients.create": (context) => view(context, createClient(context, context.data, context.body, "/body")),

  "clients.createMany": (context) => {
    const outcome = runBatch(context.body, (item: Json, pointer) => createClient(context, context.data, item, pointer));
    return { ...outcome, data: outcome.data.map((client) => view(context, client)) };
  },

  "clients.retrieve": (context) => view(context, requireClient(context.data, context.path.id!)),

  "clients.update": (context) => {
    const client = requireClient(context.data, context.path.id!);
    updateClient(context, context.data, client, context.body, "/body");
    return view(context, client);
  },

  "clients.delete": (context) => {
    const client = requireClient(context.data, context.path.id!);
    deleteClient(context, context.data, client.id);
    return { id: client.id, deleted: true };
  },

  "clients.retrieveByMetadata": (context) => {
    const { key, value } = context.path as { key: string; value: string };
    const client = [...context.data.clients.values()].find((c) => hasMetadata(c, key, value));
    if (!client) throw notFound(`client with metadata ${key}=`, value);
    return view(context, client);
  },

  "clients.list": (context) => {
    const body = (context.body ?? {}) as Json;
    const matching = [...context.data.clients.values()].filter((client) =>
      matchesFilter(client, body.filter as Json | undefined, ["name", "middleName", "lastName", "externalId"]),
    );
    const page = paginate(matching, body, `clients:${JSON.stringify(body.filter ?? {})}`, "/body");
    return { ...page, data: page.data.map((client) => view(context, client)) };
  },

  "clients.promote": (context) => {
    const client = requireClient(context.data, context.path.id!);
    if (client.isPrimary === true) throw conflict(`client ${client.id} is already primary`);
    Object.assign(client, { isPrimary: true, updatedAt: context.now() });
    return view(context, client);
  },
};
