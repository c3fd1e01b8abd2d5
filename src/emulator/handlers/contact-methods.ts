/** ARTU rules for contact methods: upsert by externalId (one or a batch), primary per type (sync lives in client-sync.ts; the filtered list is the engine's). */
import { EmulatorError } from "../errors";
import { itemsOfClient, type Json } from "../store";
import { runBatch } from "./batch";
import type { HandlerTable } from "./context";
import { requireClient, upsertItem } from "./client-resources";
import { primaryOf } from "./primary";

export const contactMethodHandlers: HandlerTable = {
  "contactMethods.upsertByExternalId": (context) =>
    upsertItem(context, context.data, "contactMethods", context.path.externalId!, context.body, "/body"),

  "contactMethods.upsertManyByExternalId": (context) =>
    runBatch(context.body, (item: Json, pointer) => upsertItem(context, context.data, "contactMethods", String(item.externalId), item, pointer)),

  // The response schema is not nullable (unlike addresses.getPrimary): no primary is a 404.
  "contactMethods.getPrimary": (context) => {
    const client = requireClient(context.data, context.path.clientId!);
    const type = context.path.type!;
    const primary = primaryOf(itemsOfClient(context.data.contactMethods, client.id), type);
    if (!primary) throw new EmulatorError(404, "NOT_FOUND", `client ${client.id} has no primary ${type} contact method`);
    return primary;
  },
};
