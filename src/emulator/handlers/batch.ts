/**
 * ARTU batches: `{items, atomic = true}` → `{atomic, data}`. Atomic: the
 * first failing item fails the request (the draft is discarded, so nothing
 * is written) with its status, code and a pointer to the item. Not atomic:
 * every item is tried; `data` holds the successes in order and `errors`
 * lists `{index, code, message}` per failed item (the snapshot's
 * `BatchItemError`, an inference recorded with its provenance).
 */
import { EmulatorError } from "../errors";

export interface BatchOutcome<R> {
  atomic: boolean;
  data: R[];
  errors?: { index: number; code: string; message: string }[];
}

export function runBatch<T, R>(body: { items: T[]; atomic?: boolean }, apply: (item: T, pointer: string) => R): BatchOutcome<R> {
  const atomic = body.atomic !== false;
  const data: R[] = [];
  const errors: { index: number; code: string; message: string }[] = [];
  body.items.forEach((item, index) => {
    const pointer = `/body/items/${index}`;
    try {
      data.push(apply(item, pointer));
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      if (atomic) {
        throw new EmulatorError(error.status, error.code, `items[${index}]: ${error.message} (atomic batch: nothing was written)`, error.issues ?? [{ path: pointer, message: error.message }]);
      }
      errors.push({ index, code: error.code, message: error.message });
    }
  });
  return atomic ? { atomic, data } : { atomic, data, errors };
}
