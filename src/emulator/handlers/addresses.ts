/**
 * ARTU rules for addresses: primary per type, batch create / update / upsert
 * of a client's items (sync lives in client-sync.ts). The lists are the
 * engine's (a sub-collection of clients, and `POST /addresses/list`).
 */
import { notFound } from "../errors";
import { itemsOfClient, type Json } from "../store";
import { runBatch } from "./batch";
import type { HandlerTable } from "./context";
import { createItem, requireClient, updateItem, upsertItem } from "./client-resources";
import { primaryOf } from "./primary";

export const addressHandlers: HandlerTable = {
  "addresses.getPrimary": (context) => {
    const client = requireClient(context.data, context.path.clientId!);
    return primaryOf(itemsOfClient(context.data.addresses, client.id), context.query.type) ?? null;
  },

  "addresses.createMany": (context) =>
    runBatch(context.body, (item: Json, pointer) => createItem(context, context.data, "addresses", String(item.clientId), item, pointer)),

  "addresses.updateMany": (context) =>
    runBatch(context.body, (item: { id: string; data: Json }, pointer) => {
      const address = context.data.addresses.get(item.id);
      if (!address) throw notFound("address", item.id);
      updateItem(context, context.data, "addresses", address, item.data, `${pointer}/data`);
      return address;
    }),

  "addresses.upsertManyByExternalId": (context) =>
    runBatch(context.body, (item: Json, pointer) => upsertItem(context, context.data, "addresses", String(item.externalId), item, pointer)),
};
