/**
 * `clients.sync` and the per-resource sync operations. Sync items with `id`
 * update (or delete with `_delete: true`), items without `id` create, and
 * `replaceMode: true` deletes what a listed array does not mention; arrays
 * absent from the request are left alone. An id of an item that does not
 * exist is a 404; an id of another client's item is a 409 CONFLICT. The whole
 * request is all-or-nothing.
 */
import { invalidAt } from "../errors";
import { CLIENT_RESOURCES, type ClientResource, type Entity, type Json } from "../store";
import { clientView, linksOfParent } from "../views";
import type { HandlerContext, HandlerTable } from "./context";
import { requireClient, syncItems, type SyncResult } from "./client-resources";
import { createLink, updateLink } from "./client-links";
import { createClient, updateClient } from "./clients";

function syncClient(context: HandlerContext): Json {
  const body = context.body as Json & { clientId?: string; client?: Json; replaceMode?: boolean };
  const data = context.data;
  let client: Entity;
  if (body.clientId !== undefined) {
    client = requireClient(data, body.clientId, "/body/clientId");
    if (body.client) updateClient(context, data, client, body.client, "/body/client");
  } else {
    if (!body.client) throw invalidAt("/body/client", "is required when clientId is absent (sync creates the client)");
    for (const field of ["type", "name"]) {
      if (body.client[field] === undefined) throw invalidAt(`/body/client/${field}`, "is required to create a client");
    }
    client = createClient(context, data, body.client, "/body/client");
  }
  const replaceMode = body.replaceMode === true;
  const results = {} as Record<ClientResource, SyncResult>;
  for (const resource of CLIENT_RESOURCES) {
    const items = body[resource] as Json[] | undefined;
    results[resource] = items ? syncItems(context, data, resource, client.id, items, replaceMode, `/body/${resource}`) : { created: [], updated: [], deleted: [] };
  }
  if (Array.isArray(body.linkedClients)) syncLinks(context, client.id, body.linkedClients as Json[], replaceMode);
  return { client: clientView(data, client, context.currentTime), ...results };
}

/** linkedClients items: `clientId` links (or updates the link to) an existing client, `child` creates a related one. */
function syncLinks(context: HandlerContext, parentId: string, items: readonly Json[], replaceMode: boolean): void {
  const listed = new Set<string>();
  items.forEach((item, index) => {
    const at = `/body/linkedClients/${index}`;
    const details = { relationshipType: item.relationshipType as string | undefined, metadata: item.metadata as Json | undefined };
    if (typeof item.clientId === "string") {
      const existing = linksOfParent(context.data, parentId).find((link) => link.childClientId === item.clientId);
      if (existing) updateLink(context, existing, details);
      listed.add(existing?.id ?? createLink(context, context.data, parentId, { clientId: item.clientId, ...details }, `${at}/clientId`).id);
    } else if (item.child) {
      const child = createClient(context, context.data, item.child as Json, `${at}/child`, false);
      listed.add(createLink(context, context.data, parentId, { clientId: child.id, ...details }, `${at}/child`).id);
    } else {
      throw invalidAt(at, "needs clientId (link an existing client) or child (create a related client)");
    }
  });
  if (replaceMode) {
    for (const link of linksOfParent(context.data, parentId)) if (!listed.has(link.id)) context.data.links.delete(link.id);
  }
}

/** The per-resource sync operations: `POST /clients/{clientId}/<resource>/sync` with `{items, replaceMode}`. */
function resourceSync(resource: ClientResource) {
  return (context: HandlerContext): SyncResult => {
    const client = requireClient(context.data, context.path.clientId!);
    return syncItems(context, context.data, resource, client.id, context.body.items, context.body.replaceMode === true, "/body/items");
  };
}

export const syncHandlers: HandlerTable = {
  "clients.sync": syncClient,
  "addresses.sync": resourceSync("addresses"),
  "contactMethods.sync": resourceSync("contactMethods"),
  "bankAccounts.sync": resourceSync("bankAccounts"),
};
