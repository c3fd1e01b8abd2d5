/**
 * Create / update / upsert / sync for the resources a client owns (addresses,
 * contact methods, bank accounts, documents), shared by their handlers,
 * `clients.sync` and migrations. Rules:
 * - `externalId` is unique per resource and environment (409 on a clash);
 * - one primary per client and group (address type, contact method type, or
 *   all bank accounts): setting a new primary clears the previous one;
 * - an update that changes nothing leaves `updatedAt` alone (upserts report `skipped`).
 */
import { conflict, EmulatorError, invalidAt, notFound } from "../errors";
import { assertExternalIdFree } from "./external-id";
import { findByExternalId, itemsOfClient, type ClientResource, type Dataset, type Entity, type Json } from "../store";
import type { HandlerContext } from "./context";
import { canonicalEqual } from "../../core/canonical-json";

interface ResourceRules {
  readonly label: string;
  /** Fields a create needs (the sync item schemas leave every field optional). */
  readonly requiredOnCreate: readonly string[];
  readonly defaults: (input: Json) => Json;
  /** Items sharing a group have at most one primary; undefined: no primary flag. */
  readonly primaryGroup?: (item: Json) => string;
  /** False when the API cannot create the resource this way (documents need an upload first). */
  readonly creatableBySync: boolean;
}

export const RESOURCE_RULES: Readonly<Record<ClientResource, ResourceRules>> = {
  addresses: {
    label: "address",
    requiredOnCreate: ["street", "city", "state", "postalCode"],
    defaults: () => ({ isPrimary: false, scope: "base" }),
    primaryGroup: (item) => String(item.type ?? ""),
    creatableBySync: true,
  },
  contactMethods: {
    label: "contact method",
    requiredOnCreate: ["type", "value"],
    defaults: () => ({ isPrimary: false, isVerified: false, verifiedAt: null }),
    primaryGroup: (item) => String(item.type ?? ""),
    creatableBySync: true,
  },
  bankAccounts: {
    label: "bank account",
    requiredOnCreate: ["accountNumber", "bankName", "country", "currency"],
    defaults: () => ({ isPrimary: false, isActive: true }),
    primaryGroup: () => "",
    creatableBySync: true,
  },
  documents: {
    label: "document",
    requiredOnCreate: [],
    defaults: (input) => ({
      type: typeof input.type === "string" ? input.type : typeof input.category === "string" ? input.category : "other",
      status: "pending_upload",
      filename: null,
      contentType: null,
      size: null,
      verifiedAt: null,
      verifiedBy: null,
      rejectionReason: null,
      reviewedAt: null,
      reviewedBy: null,
    }),
    creatableBySync: false,
  },
};

/** Fields no input may set directly. */
const SERVER_FIELDS = new Set(["id", "createdAt", "updatedAt", "_delete", "clientId"]);

export function requireClient(data: Dataset, clientId: string, pointer?: string): Entity {
  const client = data.clients.get(clientId);
  if (client) return client;
  if (pointer) throw new EmulatorError(404, "NOT_FOUND", `client ${JSON.stringify(clientId)} not found`, [{ path: pointer, message: "no such client" }]);
  throw notFound("client", clientId);
}

export function writableFields(input: Json): Json {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => !SERVER_FIELDS.has(key) && value !== undefined));
}

export function createItem(context: HandlerContext, data: Dataset, resource: ClientResource, clientId: string, input: Json, pointer: string): Entity {
  const rules = RESOURCE_RULES[resource];
  requireClient(data, clientId, `${pointer}/clientId`);
  for (const field of rules.requiredOnCreate) {
    if (input[field] === undefined) throw invalidAt(`${pointer}/${field}`, `is required to create a ${rules.label}`);
  }
  const fields = writableFields(input);
  assertExternalIdFree(data[resource], RESOURCE_RULES[resource].label, fields.externalId, undefined, pointer);
  const now = context.now();
  const item: Entity = { ...rules.defaults(input), ...fields, clientId, id: context.newId(), createdAt: now, updatedAt: now };
  data[resource].set(item.id, item);
  enforceSinglePrimary(data, resource, item);
  return item;
}

/** Applies `input` to `item`; returns whether anything changed. */
export function updateItem(context: HandlerContext, data: Dataset, resource: ClientResource, item: Entity, input: Json, pointer: string): boolean {
  const changes = Object.entries(writableFields(input)).filter(([key, value]) => !canonicalEqual(item[key], value));
  if (!changes.length) return false;
  const patch = Object.fromEntries(changes);
  assertExternalIdFree(data[resource], RESOURCE_RULES[resource].label, patch.externalId, item.id, pointer);
  Object.assign(item, patch, { updatedAt: context.now() });
  enforceSinglePrimary(data, resource, item);
  return true;
}

/** Create or update by `externalId`: `skipped` when the stored item already has these values. */
export function upsertItem(
  context: HandlerContext,
  data: Dataset,
  resource: ClientResource,
  externalId: string,
  input: Json,
  pointer: string,
): { data: Entity; action: "created" | "updated" | "skipped" } {
  const clientId = String(input.clientId);
  const existing = findByExternalId(data[resource], externalId);
  if (!existing) return { data: createItem(context, data, resource, clientId, { ...input, externalId }, pointer), action: "created" };
  if (existing.clientId !== clientId) {
    throw conflict(`${RESOURCE_RULES[resource].label} with externalId ${JSON.stringify(externalId)} belongs to another client`, [
      { path: `${pointer}/clientId`, message: `the ${RESOURCE_RULES[resource].label} belongs to client ${existing.clientId}` },
    ]);
  }
  const changed = updateItem(context, data, resource, existing, input, pointer);
  return { data: existing, action: changed ? "updated" : "skipped" };
}

/** An item addressed by id must exist (404) and belong to the client being synced (409). */
export function ownedItem(data: Dataset, resource: ClientResource, clientId: string, id: string, pointer: string): Entity {
  const item = data[resource].get(id);
  const label = RESOURCE_RULES[resource].label;
  if (!item) throw new EmulatorError(404, "NOT_FOUND", `${label} ${JSON.stringify(id)} not found`, [{ path: pointer, message: `no such ${label}` }]);
  if (item.clientId !== clientId) {
    throw conflict(`${label} ${JSON.stringify(id)} belongs to another client`, [{ path: pointer, message: `belongs to client ${item.clientId}, not ${clientId}` }]);
  }
  return item;
}

export interface SyncResult {
  created: Entity[];
  updated: Entity[];
  deleted: string[];
}

/**
 * One sync array: items with `id` update (or, with `_delete: true`, delete),
 * items without `id` create, and `replaceMode` deletes the client's items the
 * request does not list. Unknown ids are 404, another client's ids 409.
 */
export function syncItems(
  context: HandlerContext,
  data: Dataset,
  resource: ClientResource,
  clientId: string,
  items: readonly Json[],
  replaceMode: boolean,
  pointer: string,
): SyncResult {
  const rules = RESOURCE_RULES[resource];
  const result: SyncResult = { created: [], updated: [], deleted: [] };
  const listed = new Set<string>();
  items.forEach((item, index) => {
    const at = `${pointer}/${index}`;
    if (item.clientId !== undefined && item.clientId !== clientId) {
      throw conflict(`${at}: item clientId ${JSON.stringify(item.clientId)} is not the synced client ${clientId}`, [
        { path: `${at}/clientId`, message: `must be ${clientId} or absent` },
      ]);
    }
    if (typeof item.id === "string") {
      const existing = ownedItem(data, resource, clientId, item.id, `${at}/id`);
      listed.add(existing.id);
      if (item._delete === true) {
        data[resource].delete(existing.id);
        result.deleted.push(existing.id);
      } else if (updateItem(context, data, resource, existing, item, at)) {
        result.updated.push(existing);
      }
    } else if (item._delete === true) {
      throw invalidAt(`${at}/_delete`, "an item without id cannot be deleted");
    } else if (!rules.creatableBySync) {
      throw invalidAt(`${at}/id`, `a ${rules.label} cannot be created through sync`);
    } else {
      const created = createItem(context, data, resource, clientId, item, at);
      listed.add(created.id);
      result.created.push(created);
    }
  });
  if (replaceMode) {
    for (const item of itemsOfClient(data[resource], clientId)) {
      if (listed.has(item.id)) continue;
      data[resource].delete(item.id);
      result.deleted.push(item.id);
    }
  }
  return result;
}


function enforceSinglePrimary(data: Dataset, resource: ClientResource, item: Entity): void {
  const group = RESOURCE_RULES[resource].primaryGroup;
  if (!group || item.isPrimary !== true) return;
  for (const other of itemsOfClient(data[resource], String(item.clientId))) {
    if (other.id !== item.id && other.isPrimary === true && group(other) === group(item)) other.isPrimary = false;
  }
}

/** Structural equality of JSON values, key order aside. */
