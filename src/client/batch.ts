/**
 * Batch operations (a body with an `items` array bounded by maxItems): a call
 * with more items than one request accepts is split into chunks of at most
 * maxItems, sent one after the other in order, and the responses combined.
 * An atomic request (all-or-nothing) cannot be split, since atomicity cannot
 * span requests: it is refused before anything is sent. core.ts loads this
 * module only for a call that needs splitting (see batch-limit.ts).
 *
 * Each request numbers its items from 0, so every item index a chunk's answer
 * reports (its `errors[].index`, the item pointers of a validation error) is
 * rebased by the chunk's start: the caller sees indices into its whole input.
 */
import type { BatchDescriptor } from "../core/operation";
import { ArtuApiError, ArtuBatchError, ArtuBatchSplitError, type ArtuIssue } from "./errors";

/**
 * The per-item failures of a non-atomic batch answer: BatchItemError
 * `{ index, code, message }`, `index` counted within the request.
 */
const ITEM_ERRORS_FIELD = "errors";

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
    const start = index * batch.maxItems;
    const chunk = items.slice(start, start + batch.maxItems);
    try {
      results.push(rebaseItemErrors(await send({ ...body, [batch.itemsField]: chunk }), start));
    } catch (cause) {
      if (index === 0) throw cause;
      throw partialFailure(operationId, batch, { chunkIndex: index, chunkCount, start, itemCount: items.length, results, cause });
    }
  }
  return combineResults(results);
}

/** `result` with its item errors' indices moved from the chunk's numbering to the caller's. */
export function rebaseItemErrors(result: unknown, start: number): unknown {
  const errors = isRecord(result) ? result[ITEM_ERRORS_FIELD] : undefined;
  if (start === 0 || !Array.isArray(errors)) return result;
  const rebased = errors.map((error: unknown) =>
    isRecord(error) && typeof error.index === "number" ? { ...error, index: error.index + start } : error,
  );
  return { ...(result as Record<string, unknown>), [ITEM_ERRORS_FIELD]: rebased };
}

interface PartialFailure {
  readonly chunkIndex: number;
  readonly chunkCount: number;
  readonly start: number;
  readonly itemCount: number;
  readonly results: readonly unknown[];
  readonly cause: unknown;
}

/** The ArtuBatchError of a chunk after the first; the cause's item pointers ("/body/items/3/…") rebased in its issues and message. */
function partialFailure(operationId: string, batch: BatchDescriptor, failure: PartialFailure): ArtuBatchError {
  const { chunkIndex, chunkCount, start, itemCount, results, cause } = failure;
  const pointer = new RegExp(`(^|[\\s(;"])((?:/body)?/${escapeRegExp(batch.itemsField)}/)(\\d+)(?=/|$|[\\s);:",])`, "g");
  const rebase = (text: string) => text.replace(pointer, (_, before: string, prefix: string, index: string) => `${before}${prefix}${Number(index) + start}`);
  const issues: ArtuIssue[] = cause instanceof ArtuApiError ? cause.issues.map((issue) => ({ ...issue, path: rebase(issue.path) })) : [];
  const causeMessage = rebase(cause instanceof Error ? cause.message : String(cause));
  return new ArtuBatchError(
    { operationId, chunkIndex, chunkCount, itemsSent: start, itemCount, results, cause, issues },
    `${operationId}: request ${chunkIndex + 1} of ${chunkCount} failed (${causeMessage}); ` +
      `items 0–${start - 1} of ${itemCount} were sent in the requests that succeeded (error.results), ` +
      `items from ${start} on were not confirmed`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function refuseAtomicSplit(operationId: string, batch: BatchDescriptor, body: Record<string, unknown>, itemCount: number): void {
  if (batch.atomicField === undefined) return;
  const explicit = body[batch.atomicField];
  const atomic = explicit === undefined ? batch.atomicDefault === true : explicit === true;
  if (!atomic) return;
  const requests = Math.ceil(itemCount / batch.maxItems);
  throw new ArtuBatchSplitError(
    { operationId, itemCount, maxItems: batch.maxItems },
    `${operationId}: ${itemCount} ${batch.itemsField} exceed the ${batch.maxItems} one request accepts, and the call is atomic ` +
      `(${explicit === undefined ? `${batch.atomicField} defaults to true` : `${batch.atomicField}: true`}); all-or-nothing cannot span several requests. ` +
      `Nothing was sent. Pass ${batch.atomicField}: false to send them in ${requests} requests of at most ${batch.maxItems} (each item then succeeds or fails on its own), ` +
      `or send at most ${batch.maxItems} per call.`,
  );
}

/**
 * One result for all chunks: array fields concatenated (`data`, `items`,
 * `errors`), number fields summed (`added`, `removed`), everything else from
 * the last response that has it. A field only some chunks answered with (an
 * optional `errors`) is kept.
 */
export function combineResults(results: readonly unknown[]): unknown {
  const last = results[results.length - 1];
  if (!isRecord(last)) return last;
  const records = results.filter(isRecord);
  // Spread and fromEntries define properties: a "__proto__" key from a server stays data and sets no prototype.
  const merged: Record<string, unknown> = records.reduce((all, result) => ({ ...all, ...result }), {});
  return Object.fromEntries(
    Object.keys(merged).map((key) => {
      const values = records.map((result) => result[key]).filter((value) => value !== undefined);
      const kept = merged[key];
      if (Array.isArray(kept)) return [key, values.flatMap((value) => (Array.isArray(value) ? value : []))];
      if (typeof kept === "number") return [key, values.reduce<number>((sum, value) => sum + (typeof value === "number" ? value : 0), 0)];
      return [key, kept];
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
