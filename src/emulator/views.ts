/**
 * Read models: the API representation of a client (with its addresses,
 * contact methods, bank accounts, documents and linked clients) assembled
 * from the flat records of a data set.
 */
import { itemsOfClient, type Dataset, type Entity, type Json, type LinkEntity } from "./store";

/** The full Client of `clients.retrieve` and friends. */
export function clientView(data: Dataset, client: Entity, asOf: string): Json {
  const contactMethods = itemsOfClient(data.contactMethods, client.id);
  return {
    ...client,
    email: primaryValue(contactMethods, "email"),
    phone: primaryValue(contactMethods, "phone") ?? primaryValue(contactMethods, "mobile"),
    age: ageOn(client.birthDate, asOf),
    addresses: itemsOfClient(data.addresses, client.id),
    contactMethods,
    bankAccounts: itemsOfClient(data.bankAccounts, client.id),
    documents: itemsOfClient(data.documents, client.id),
    linkedClients: linksOfParent(data, client.id).map((link) => linkView(data, link)),
  };
}

/** The ClientSummary nested in a LinkedClient: the client's own fields only. */
export function clientSummary(client: Entity): Json {
  const { isPrimary: _isPrimary, ...summary } = client;
  return summary;
}

export function linkView(data: Dataset, link: LinkEntity): Json {
  const child = data.clients.get(link.childClientId);
  return {
    id: link.id,
    relationshipType: link.relationshipType,
    client: child ? clientSummary(child) : { id: link.childClientId },
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    ...(link.metadata ? { metadata: link.metadata } : {}),
  };
}

export function linksOfParent(data: Dataset, parentClientId: string): LinkEntity[] {
  return [...data.links.values()].filter((link) => link.parentClientId === parentClientId);
}

function primaryValue(contactMethods: readonly Entity[], type: string): string | null {
  const ofType = contactMethods.filter((method) => method.type === type);
  const chosen = ofType.find((method) => method.isPrimary === true) ?? ofType[0];
  return chosen ? String(chosen.value) : null;
}

function ageOn(birthDate: unknown, asOf: string): number | null {
  if (typeof birthDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ny, nm, nd] = asOf.slice(0, 10).split("-").map(Number) as [number, number, number];
  return ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
}
