/**
 * Linked clients: a parent client links child clients with a relationship
 * type (`legal_representative` by default). A client cannot link itself and
 * a parent links a given child once (409 otherwise).
 */
import { conflict, EmulatorError, notFound } from "../errors";
import type { Dataset, Json, LinkEntity } from "../store";
import { clientView, linksOfParent, linkView } from "../views";
import type { HandlerContext, HandlerTable } from "./context";
import { requireClient } from "./client-resources";
import { createClient } from "./clients";
import { canonicalEqual } from "../../core/canonical-json";

export const DEFAULT_RELATIONSHIP = "legal_representative";

export function createLink(
  context: HandlerContext,
  data: Dataset,
  parentClientId: string,
  input: { clientId: string; relationshipType?: string; metadata?: Json },
  pointer: string,
): LinkEntity {
  requireClient(data, input.clientId, pointer);
  if (input.clientId === parentClientId) throw conflict("a client cannot be linked to itself", [{ path: pointer, message: "is the parent client" }]);
  if (linksOfParent(data, parentClientId).some((link) => link.childClientId === input.clientId)) {
    throw conflict(`client ${input.clientId} is already linked to ${parentClientId}`, [{ path: pointer, message: "is already linked" }]);
  }
  const now = context.now();
  const link: LinkEntity = {
    id: context.newId(),
    parentClientId,
    childClientId: input.clientId,
    relationshipType: input.relationshipType ?? DEFAULT_RELATIONSHIP,
    ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
    createdAt: now,
    updatedAt: now,
  };
  data.links.set(link.id, link);
  return link;
}

/** Updates relationship type / metadata of an existing link; returns whether anything changed. */
export function updateLink(context: HandlerContext, link: LinkEntity, input: { relationshipType?: string; metadata?: Json }): boolean {
  const patch: Json = {};
  if (input.relationshipType !== undefined && input.relationshipType !== link.relationshipType) patch.relationshipType = input.relationshipType;
  if (input.metadata !== undefined && !canonicalEqual(input.metadata, link.metadata)) patch.metadata = input.metadata;
  if (!Object.keys(patch).length) return false;
  Object.assign(link, patch, { updatedAt: context.now() });
  return true;
}

/**
 * Makes the parent's links exactly `wanted`: existing ones are kept (and
 * updated), missing ones created, unlisted ones removed.
 */
export function replaceLinks(
  context: HandlerContext,
  data: Dataset,
  parentClientId: string,
  wanted: readonly { clientId: string; relationshipType?: string; metadata?: Json }[],
  pointer: string,
): void {
  const current = new Map(linksOfParent(data, parentClientId).map((link) => [link.childClientId, link]));
  const keep = new Set<string>();
  wanted.forEach((item, index) => {
    const existing = current.get(item.clientId);
    if (existing) {
      updateLink(context, existing, item);
      keep.add(existing.id);
    } else {
      keep.add(createLink(context, data, parentClientId, item, `${pointer}/${index}/clientId`).id);
    }
  });
  for (const link of current.values()) if (!keep.has(link.id)) data.links.delete(link.id);
}

export const clientLinkHandlers: HandlerTable = {
  "clients.link": (context) => {
    const parent = requireClient(context.data, context.path.parentClientId!);
    const { childClientId, ...rest } = context.body as { childClientId: string; relationshipType?: string; metadata?: Json };
    createLink(context, context.data, parent.id, { clientId: childClientId, ...rest }, "/body/childClientId");
    return clientView(context.data, parent, context.currentTime);
  },

  "clients.listLinks": (context) => {
    const parent = requireClient(context.data, context.path.parentClientId!);
    const type = context.query.relationshipType;
    return linksOfParent(context.data, parent.id)
      .filter((link) => type === undefined || link.relationshipType === type)
      .map((link) => linkView(context.data, link));
  },

  "clients.replaceLinks": (context) => {
    const parent = requireClient(context.data, context.path.parentClientId!);
    replaceLinks(context, context.data, parent.id, context.body.linkedClients, "/body/linkedClients");
    return clientView(context.data, parent, context.currentTime);
  },

  "clients.unlink": (context) => {
    const parent = requireClient(context.data, context.path.parentClientId!);
    const childId = context.path.childClientId!;
    const link = linksOfParent(context.data, parent.id).find((l) => l.childClientId === childId);
    if (!link) throw new EmulatorError(404, "NOT_FOUND", `client ${childId} is not linked to ${parent.id}`, [{ path: "/path/childClientId", message: "not linked" }]);
    context.data.links.delete(link.id);
    return clientView(context.data, requireClient(context.data, childId), context.currentTime);
  },

  "clients.createRelated": (context) => {
    const parent = requireClient(context.data, context.path.parentClientId!);
    const { child, ...rest } = context.body as { child: Json; relationshipType?: string; metadata?: Json };
    const created = createClient(context, context.data, child, "/body/child", false);
    createLink(context, context.data, parent.id, { clientId: created.id, ...rest }, "/body/child");
    return { child: clientView(context.data, created, context.currentTime) };
  },

  "clients.retrieveLink": (context) => {
    const link = context.data.links.get(context.path.id!);
    if (!link) throw notFound("client link", context.path.id!);
    return linkView(context.data, link);
  },
};
