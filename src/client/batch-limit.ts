/**
 * Whether a batch call carries more items than one request accepts. Kept
 * apart from batch.ts so the client's hot path can ask without loading the
 * chunking code, which is needed only when the answer is yes.
 */
import type { BatchDescriptor } from "../core/operation";

/** The body's items when there are more than `maxItems` of them, else undefined. */
export function oversizeItems(batch: BatchDescriptor, body: unknown): unknown[] | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const items = (body as Record<string, unknown>)[batch.itemsField];
  return Array.isArray(items) && items.length > batch.maxItems ? items : undefined;
}
