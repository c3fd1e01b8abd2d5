/**
 * Plans a cross-environment copy (test ↔ live) without writing: which source
 * records are copied, which target records they match, and what blocks the
 * copy. Shared by `clients.migrate`, `clients.previewMigration` and
 * `transactions.migrate`, so a preview reports exactly what a migration does.
 *
 * Matching: clients and transactions by `externalId` (a source client or
 * transaction without one is a blocker, reason `missing-external-id`);
 * sub-resources within the matched target client by `externalId`, else by a
 * natural key (address type+street+postal code, contact method type+value,
 * bank account number+bank, document type+filename); relationships by the
 * (parent, child) pair. A linked child client is copied with its parent
 * (`include.relationships`); related clients of a copied transaction that are
 * not copied themselves are mapped by `externalId` when the target has them,
 * else dropped from `relatedClientIds`.
 */
import { CLIENT_RESOURCES, findByExternalId, itemsOfClient, type ClientResource, type Dataset, type Entity, type Json, type LinkEntity } from "../store";
import { linksOfParent } from "../views";
import { writableFields } from "./client-resources";
import { canonicalEqual } from "../../core/canonical-json";

export type MigratedResource = "clients" | "transactions" | ClientResource | "evidence" | "relationships";
export type Precedence = "source" | "target";
export type ClientInclude = Record<ClientResource | "relationships", boolean>;

export interface Blocker {
  resource: "client" | "transaction";
  id: string;
  label: string;
  reason: "missing-external-id";
}

/** One source record and the target record it matches (absent: it will be created). */
export interface PlannedCopy {
  readonly source: Entity;
  readonly target?: Entity;
  /** The values to write into the target (all for a create, the winning values for an update). */
  readonly fields: Json;
  /** For a matched target: whether writing `fields` changes it. */
  readonly changes: boolean;
}

export interface PlannedSubResource extends PlannedCopy {
  readonly resource: ClientResource;
  /** The source client that owns the item. */
  readonly ownerId: string;
}

export interface PlannedLink extends PlannedCopy {
  readonly source: LinkEntity;
}

export interface MigrationPlan {
  readonly blockers: Blocker[];
  /** Which resources the result reports, in order. */
  readonly reported: readonly MigratedResource[];
  readonly clients: PlannedCopy[];
  readonly subResources: PlannedSubResource[];
  readonly links: PlannedLink[];
  readonly transactions: PlannedCopy[];
}

export interface PlanInput {
  readonly source: Dataset;
  readonly target: Dataset;
  readonly precedence: Precedence;
  readonly include: ClientInclude;
  /** Root clients (clients.migrate: one; transactions.migrate: the related clients). */
  readonly clients: readonly Entity[];
  readonly transactions: readonly Entity[];
  readonly reported: readonly MigratedResource[];
}

const NATURAL_KEYS: Readonly<Record<ClientResource, readonly string[]>> = {
  addresses: ["type", "street", "postalCode"],
  contactMethods: ["type", "value"],
  bankAccounts: ["accountNumber", "bankName"],
  documents: ["type", "filename"],
};

export function planMigration(input: PlanInput): MigrationPlan {
  const { source, target, precedence, include } = input;
  const clients = uniqueById([
    ...input.clients,
    ...(include.relationships ? input.clients.flatMap((client) => linkedChildren(source, client.id)) : []),
  ]);
  const blockers: Blocker[] = [
    ...clients.filter(missingExternalId).map((client) => blocker("client", client.id, String(client.name))),
    ...input.transactions.filter(missingExternalId).map((t) => blocker("transaction", t.id, transactionLabel(t))),
  ];
  const plan: MigrationPlan = { blockers, reported: input.reported, clients: [], subResources: [], links: [], transactions: [] };

  const targetClientOf = new Map<string, Entity | undefined>();
  for (const client of clients.filter((c) => !missingExternalId(c))) {
    const match = findByExternalId(target.clients, String(client.externalId));
    targetClientOf.set(client.id, match);
    plan.clients.push(copy(client, match, precedence, ["isPrimary"]));
  }
  for (const [clientId, targetClient] of targetClientOf) {
    for (const resource of CLIENT_RESOURCES.filter((r) => include[r])) {
      const candidates = targetClient ? itemsOfClient(target[resource], targetClient.id) : [];
      for (const item of itemsOfClient(source[resource], clientId)) {
        plan.subResources.push({ resource, ownerId: clientId, ...copy(item, matchItem(resource, item, candidates), precedence) });
      }
    }
  }
  if (include.relationships) {
    for (const [parentId, targetParent] of targetClientOf) {
      for (const link of linksOfParent(source, parentId)) {
        if (!targetClientOf.has(link.childClientId)) continue;
        const targetChild = targetClientOf.get(link.childClientId);
        const match =
          targetParent && targetChild
            ? linksOfParent(target, targetParent.id).find((l) => l.childClientId === targetChild.id)
            : undefined;
        plan.links.push({ ...copy(link, match, precedence, ["parentClientId", "childClientId"]), source: link });
      }
    }
  }
  for (const transaction of input.transactions.filter((t) => !missingExternalId(t))) {
    const match = findByExternalId(target.transactions, String(transaction.externalId));
    plan.transactions.push(copy(transaction, match, precedence, ["relatedClientIds", "isAlerted", "alertedAt"]));
  }
  return plan;
}

/** Created / updated per reported resource; a matched record that would not change counts as neither. */
export function countPlan(plan: MigrationPlan): { resource: MigratedResource; total: number; creates: number; updates: number }[] {
  return plan.reported.map((resource) => {
    const copies: readonly PlannedCopy[] =
      resource === "clients"
        ? plan.clients
        : resource === "transactions"
          ? plan.transactions
          : resource === "relationships"
            ? plan.links
            : resource === "evidence"
              ? []
              : plan.subResources.filter((item) => item.resource === resource);
    return {
      resource,
      total: copies.length,
      creates: copies.filter((c) => !c.target).length,
      updates: copies.filter((c) => c.target && c.changes).length,
    };
  });
}

function copy(source: Entity, target: Entity | undefined, precedence: Precedence, extraFields: readonly string[] = []): PlannedCopy {
  const own: Json = { ...writableFields(source), ...Object.fromEntries(extraFields.filter((f) => f in source).map((f) => [f, source[f]])) };
  delete own.clientId;
  if (!target) return { source, fields: own, changes: true };
  const fields =
    precedence === "source"
      ? own
      : Object.fromEntries(Object.entries(own).filter(([key]) => target[key] === undefined || target[key] === null));
  const comparable = Object.entries(fields).filter(([key]) => !["relatedClientIds", "parentClientId", "childClientId"].includes(key));
  return { source, target, fields, changes: comparable.some(([key, value]) => !canonicalEqual(target[key], value)) };
}

function matchItem(resource: ClientResource, item: Entity, candidates: readonly Entity[]): Entity | undefined {
  if (typeof item.externalId === "string") return candidates.find((c) => c.externalId === item.externalId);
  const key = (record: Entity) => JSON.stringify(NATURAL_KEYS[resource].map((field) => record[field] ?? null));
  return candidates.find((c) => c.externalId === undefined && key(c) === key(item));
}

function linkedChildren(data: Dataset, parentId: string): Entity[] {
  return linksOfParent(data, parentId)
    .map((link) => data.clients.get(link.childClientId))
    .filter((child): child is Entity => child !== undefined);
}

const missingExternalId = (record: Entity): boolean => typeof record.externalId !== "string" || record.externalId === "";

const blocker = (resource: Blocker["resource"], id: string, label: string): Blocker => ({ resource, id, label, reason: "missing-external-id" });

function transactionLabel(transaction: Entity): string {
  if (typeof transaction.description === "string" && transaction.description) return transaction.description;
  return `${transaction.amount} ${transaction.currency ?? ""} at ${transaction.timestamp}`.trim();
}

function uniqueById(records: readonly Entity[]): Entity[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}
