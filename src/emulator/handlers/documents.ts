/**
 * Documents: create (returns a presigned-style upload URL; the emulator does
 * not accept uploads, the document stays `pending_upload`), upsert by
 * externalId (the list for a client is the engine's).
 */
import type { HandlerTable } from "./context";
import { createItem, upsertItem } from "./client-resources";

const UPLOAD_TTL_MS = 15 * 60 * 1000;

export const documentHandlers: HandlerTable = {
  "documents.create": (context) => {
    const document = createItem(context, context.data, "documents", String(context.body.clientId), context.body, "/body");
    return {
      document,
      upload: {
        url: `${context.baseUrl}/_emulator/uploads/documents/${document.id}`,
        expiresAt: new Date(Date.parse(document.createdAt) + UPLOAD_TTL_MS).toISOString(),
      },
    };
  },

  "documents.upsertByExternalId": (context) => upsertItem(context, context.data, "documents", context.path.externalId!, context.body, "/body"),
};
