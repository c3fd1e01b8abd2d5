/** ARTU rules for bank accounts: batch create, update, upsert by externalId (sync lives in client-sync.ts; the list is the engine's). */
import { notFound } from "../errors";
import type { Json } from "../store";
import { runBatch } from "./batch";
import type { HandlerTable } from "./context";
import { createItem, updateItem, upsertItem } from "./client-resources";

export const bankAccountHandlers: HandlerTable = {
  "bankAccounts.createMany": (context) =>
    runBatch(context.body, (item: Json, pointer) => createItem(context, context.data, "bankAccounts", String(item.clientId), item, pointer)),

  "bankAccounts.update": (context) => {
    const account = context.data.bankAccounts.get(context.path.id!);
    if (!account) throw notFound("bank account", context.path.id!);
    updateItem(context, context.data, "bankAccounts", account, context.body.data, "/body/data");
    return account;
  },

  "bankAccounts.upsertByExternalId": (context) =>
    upsertItem(context, context.data, "bankAccounts", context.path.externalId!, context.body, "/body"),
};
