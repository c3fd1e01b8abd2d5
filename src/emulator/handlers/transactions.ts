/**
 * ARTU rules for transactions: create (one or a batch), upsert by externalId
 * (one or a batch), set / unlink related clients. Related clients must exist
 * in the same environment; `externalId` is unique per environment. Retrieval
 * by externalId or metadata and the count are the engine's.
 */
import { EmulatorError, notFound } from "../errors";
import { assertExternalIdFree } from "./external-id";
import { findByExternalId, type Dataset, type Entity, type Json } from "../store";
import { runBatch } from "./batch";
import type { HandlerContext, HandlerTable } from "./context";
import { requireClient, writableFields } from "./client-resources";
import { canonicalEqual } from "../../core/canonical-json";

const DEFAULT_STATUS = "not_applicable";

function relatedIds(data: Dataset, value: unknown, pointer: string): string[] {
  const ids = Array.isArray(value) ? (value as string[]) : [String(value)];
  ids.forEach((id, index) => requireClient(data, id, Array.isArray(value) ? `${pointer}/${index}` : pointer));
  return [...new Set(ids)];
}

function normalizedInput(data: Dataset, input: Json, pointer: string): Json {
  const fields = writableFields(input);
  if (fields.relatedClientIds !== undefined) fields.relatedClientIds = relatedIds(data, fields.relatedClientIds, `${pointer}/relatedClientIds`);
  return fields;
}

export function createTransaction(context: HandlerContext, data: Dataset, input: Json, pointer: string): Entity {
  const fields = normalizedInput(data, input, pointer);
  assertExternalIdFree(data.transactions, "transaction", fields.externalId, undefined, pointer);
  const now = context.now();
  const transaction: Entity = {
    scopes: ["base"],
    status: DEFAULT_STATUS,
    ...fields,
    isAlerted: false,
    alertedAt: null,
    id: context.newId(),
    createdAt: now,
    updatedAt: now,
  };
  data.transactions.set(transaction.id, transaction);
  return transaction;
}

export function updateTransaction(context: HandlerContext, data: Dataset, transaction: Entity, input: Json, pointer: string): boolean {
  const changes = Object.entries(normalizedInput(data, input, pointer)).filter(([key, value]) => !canonicalEqual(transaction[key], value));
  if (!changes.length) return false;
  const patch = Object.fromEntries(changes);
  assertExternalIdFree(data.transactions, "transaction", patch.externalId, transaction.id, pointer);
  Object.assign(transaction, patch, { updatedAt: context.now() });
  return true;
}

function upsertTransaction(context: HandlerContext, externalId: string, input: Json, pointer: string) {
  const existing = findByExternalId(context.data.transactions, externalId);
  if (!existing) return { data: createTransaction(context, context.data, { ...input, externalId }, pointer), action: "created" as const };
  const changed = updateTransaction(context, context.data, existing, input, pointer);
  return { data: existing, action: changed ? ("updated" as const) : ("skipped" as const) };
}


function requireTransaction(data: Dataset, id: string): Entity {
  const transaction = data.transactions.get(id);
  if (!transaction) throw notFound("transaction", id);
  return transaction;
}

export const transactionHandlers: HandlerTable = {
  "transactions.create": (context) => createTransaction(context, context.data, context.body, "/body"),

  "transactions.createMany": (context) => runBatch(context.body, (item: Json, pointer) => createTransaction(context, context.data, item, pointer)),

  "transactions.upsertByExternalId": (context) => upsertTransaction(context, context.path.externalId!, context.body, "/body"),

  "transactions.upsertManyByExternalId": (context) =>
    runBatch(context.body, (item: Json, pointer) => upsertTransaction(context, String(item.externalId), item, pointer)),

  "transactions.setClients": (context) => {
    const transaction = requireTransaction(context.data, context.path.transactionId!);
    const clients = context.body.clients as { clientId: string }[];
    const ids = clients.map((c, index) => requireClient(context.data, c.clientId, `/body/clients/${index}/clientId`).id);
    updateTransaction(context, context.data, transaction, { relatedClientIds: ids }, "/body");
    return transaction;
  },

  "transactions.unlinkClient": (context) => {
    const transaction = requireTransaction(context.data, context.path.transactionId!);
    const clientId = context.path.clientId!;
    const related = transaction.relatedClientIds as string[];
    if (!related.includes(clientId)) {
      throw new EmulatorError(404, "NOT_FOUND", `client ${clientId} is not related to transaction ${transaction.id}`, [{ path: "/path/clientId", message: "not related" }]);
    }
    Object.assign(transaction, { relatedClientIds: related.filter((id) => id !== clientId), updatedAt: context.now() });
    return transaction;
  },
};
