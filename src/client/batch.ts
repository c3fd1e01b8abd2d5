/**
 * Batch operations (a body with an `items` array bounded by maxItems): a call
 * with more items than one request accepts is split into chunks of at most
 * maxItems, sent one after the other in order, and the responses combined.
 * An atomic request (all-or-nothing) cannot be split, since atomicity cannot
 * span requests: it is refused before anything is sent. core.ts loads this
 * module only for a call that needs splitting (see batch-limit.ts).
 */
import type { BatchDescriptor } from "../core/operation";
import { ArtuBatchError, ArtuError } from "./errors";

export type SendBody = (body: unknown) => Promise<unknown>;

/** `items` are the body's items, more than one request accepts (core.ts checks with oversizeItems before loading this module). */
export async function sendInChunks(
  operationId: string,
  batch: BatchDescriptor,
  body: Record<string, unknown>,
  items: readonly unknown[],
  send: SendBody,
): Promise<unknown> {
  refuseAtomicSplit(operationId, batch, body, items.length);

  const chunkCount = Math.ceil(items.length / batch.maxItems);
  const results: unknown[] = [];
  for (let index = 0; index < chunkCount; index++) {
    const chunk = items.slice(index * batch.maxItems, (index + 1) * batch.maxItems);
    try {
      results.push(await send({ ...body, [batch.itemsField]: chunk }));
    } catch (cause) {
      if (index === 0) throw cause;
      throw new ArtuBatchError({
        operationId,
        chunkIndex: index,
        chunkCount,
        itemsSent: index * batch.maxItems,
        itemCount: items.length,
        results,
        cause,
      });
    }
  }
  return combineResults(results);
}

function refuseAtomicSplit(operationId: string, batch: BatchDescriptor, body: Record<string, unknown>, itemCount: number): void {
  if (batch.atomicField === undefined) return;
  const explicit = body[batch.atomicField];
  const atomic = explicit === undefined ? batch.atomicDefault === true : explicit === true;
  if (!atomic) return;
  const requests = Math.ceil(itemCount / batch.maxItems);
  throw new ArtuError(
    `${operationId}: ${itemCount} ${batch.itemsField} exceed the ${batch.maxItems} one request accepts, and the call is atomic ` +
      `(${explicit === undefined ? `${batch.atomicField} defaults to true` : `${batch.atomicField}: true`}); all-or-nothing cannot span several requests. ` +
      `Nothing was sent. Pass ${batch.atomicField}: false to send them in ${requests} requests of at most ${batch.maxItems} (each item then succeeds or fails on its own), ` +
      `or send at most ${batch.maxItems} per call.`,
  );
}

/**
 * One result for all chunks: array fields concatenated (`data`, `items`),
 * number fields summed (`added`, `removed`), everything else from the last response.
 */
export function combineResults(results: readonly unknown[]): unknown {
  const last = results[results.length - 1];
  if (!isRecord(last)) return last;
  const combined: Record<string, unknown> = { ...last };
  for (const key of Object.keys(last)) {
    const values = results.map((result) => (isRecord(result) ? result[key] : undefined));
    if (Array.isArray(last[key])) combined[key] = values.flatMap((value) => (Array.isArray(value) ? value : []));
    else if (typeof last[key] === "number") combined[key] = values.reduce<number>((sum, value) => sum + (typeof value === "number" ? value : 0), 0);
  }
  return combined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
