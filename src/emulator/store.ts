/**
 * The emulator's state: one data set per environment (`test`, `live`), each a
 * group of insertion-ordered maps keyed by id. Records hold the API
 * representation of the resource itself; nested views (a client's addresses,
 * linked clients…) are assembled on read by `views.ts`.
 */
import type { Environment } from "./auth";

export type Json = Record<string, unknown>;

export interface Entity extends Json {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A parent → child client relationship. */
export interface LinkEntity extends Entity {
  parentClientId: string;
  childClientId: string;
  relationshipType: string;
  metadata?: Json;
}

/**
 * The named maps are ARTU's (its layers read them directly); the generic
 * engine adds one map per resource family (`alerts`, `evidence`…) through
 * `collectionOf`, under the family's collection name.
 */
export interface Dataset {
  [collection: string]: Map<string, Entity>;
  clients: Map<string, Entity>;
  addresses: Map<string, Entity>;
  contactMethods: Map<string, Entity>;
  bankAccounts: Map<string, Entity>;
  documents: Map<string, Entity>;
  links: Map<string, LinkEntity>;
  transactions: Map<string, Entity>;
}

/** The client sub-resources that belong to one client through `clientId`. */
export const CLIENT_RESOURCES = ["addresses", "contactMethods", "bankAccounts", "documents"] as const;
export type ClientResource = (typeof CLIENT_RESOURCES)[number];

export type EmulatorState = Record<Environment, Dataset>;

export function emptyDataset(): Dataset {
  return {
    clients: new Map(),
    addresses: new Map(),
    contactMethods: new Map(),
    bankAccounts: new Map(),
    documents: new Map(),
    links: new Map(),
    transactions: new Map(),
  };
}

export function emptyState(): EmulatorState {
  return { test: emptyDataset(), live: emptyDataset() };
}

/** A deep copy, so a request works on a draft and only a successful one is committed. */
export function cloneDataset(dataset: Dataset): Dataset {
  return structuredClone(dataset);
}

export function itemsOfClient(map: Map<string, Entity>, clientId: string): Entity[] {
  return [...map.values()].filter((item) => item.clientId === clientId);
}

export function findByExternalId<T extends Entity>(map: Map<string, T>, externalId: string): T | undefined {
  for (const item of map.values()) if (item.externalId === externalId) return item;
  return undefined;
}

/** The map of a resource family, created on first use (an own property, whatever the name). */
export function collectionOf(data: Dataset, name: string): Map<string, Entity> {
  if (!Object.hasOwn(data, name)) Object.defineProperty(data, name, { value: new Map(), enumerable: true, writable: true, configurable: true });
  return data[name]!;
}
