/**
 * Turns per-array diffs into the requests to send, in order.
 *
 * Explicit mode: every create and update is sent before any delete, each
 * array cut into slices of at most `maxItems`; request i carries slice i of
 * every array (arrays share requests). A failure part-way therefore leaves a
 * superset of the desired items (nothing is removed before everything that
 * stays is written), and resuming with the pending requests completes it.
 *
 * Replace mode lists every kept item of a changed array with the replace flag
 * in ONE request: the server deletes what a replace request does not list, so
 * a replace split over several requests would delete the items of the other
 * chunks. The planner uses it only when every kept set fits (see plan.ts).
 */
import type { ArrayDiff, Entry } from "./diff-array";

export interface RequestDraft {
  readonly arrays: Readonly<Record<string, readonly Entry[]>>;
  readonly objects: Readonly<Record<string, Entry>>;
  readonly replace: boolean;
}

export function explicitRequests(
  diffs: readonly ArrayDiff[],
  objects: Readonly<Record<string, Entry>>,
): RequestDraft[] {
  const upsertDrafts = slicesOf(diffs, (diff) => diff.upserts);
  if (upsertDrafts.length === 0 && Object.keys(objects).length > 0)
    upsertDrafts.push({});
  const deleteDrafts = slicesOf(diffs, (diff) => diff.deletes);
  return [
    ...upsertDrafts.map((arrays, index) => ({
      arrays,
      objects: index === 0 ? objects : {},
      replace: false,
    })),
    ...deleteDrafts.map((arrays) => ({ arrays, objects: {}, replace: false })),
  ];
}

export function replaceRequest(
  diffs: readonly ArrayDiff[],
  objects: Readonly<Record<string, Entry>>,
): RequestDraft[] {
  const arrays: Record<string, readonly Entry[]> = {};
  for (const diff of diffs) {
    if (diff.upserts.length > 0 || diff.deletes.length > 0)
      arrays[diff.array.name] = diff.kept;
  }
  const hasArrays = Object.keys(arrays).length > 0;
  if (!hasArrays && Object.keys(objects).length === 0) return [];
  return [{ arrays, objects, replace: hasArrays }];
}

/** Request i holds slice i (of `maxItems`) of every array's entries. */
function slicesOf(
  diffs: readonly ArrayDiff[],
  entriesOf: (diff: ArrayDiff) => readonly Entry[],
): Record<string, Entry[]>[] {
  const drafts: Record<string, Entry[]>[] = [];
  for (const diff of diffs) {
    const entries = entriesOf(diff);
    const size = diff.array.maxItems;
    for (
      let start = 0, index = 0;
      start < entries.length;
      start += size, index++
    ) {
      (drafts[index] ??= {})[diff.array.name] = entries.slice(
        start,
        start + size,
      );
    }
  }
  return drafts;
}
