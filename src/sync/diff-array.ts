/**
 * What one array of a sync request needs: creates (no id), updates (id plus
 * the desired writable fields), deletes (`{ id, _delete: true }`), and the
 * unchanged items (left out, except that replace mode lists them as `{ id }`
 * so they are kept). Writes that would collide on externalId are held back
 * as issues (key-conflicts.ts).
 */
import type {
  SyncArrayDescription,
  SyncCounts,
  SyncPlanIssue,
} from "../core/helpers";
import { pickWritable, writableFieldsDiffer } from "./fields";
import { findKeyConflicts, type PlannedWrite } from "./key-conflicts";
import { pairItems, type MatchMode } from "./match";

type Item = Readonly<Record<string, unknown>>;
export type Entry = Record<string, unknown>;

export interface ArrayDiff {
  readonly array: SyncArrayDescription;
  /** Creates and updates, in desired order. */
  readonly upserts: readonly Entry[];
  readonly deletes: readonly Entry[];
  /**
   * Every item that stays, in desired order: creates, updates, and `{ id }`
   * for unchanged ones. Built only when asked for (replace mode).
   */
  readonly kept: readonly Entry[];
  readonly counts: SyncCounts;
  readonly issues: readonly SyncPlanIssue[];
}

export function diffArray(
  array: SyncArrayDescription,
  operationId: string,
  current: readonly Item[],
  desired: readonly Item[],
  mode: MatchMode,
  listKept: boolean,
): ArrayDiff {
  const { pairs, unmatched } = pairItems(array, current, desired, mode);
  const issues: SyncPlanIssue[] = [];
  const writes: PlannedWrite[] = [];
  /** Desired order of what stays: a write (index into writes) or an unchanged id. */
  const order: ({ write: number } | { unchanged: string })[] = [];

  pairs.forEach((pair, desiredIndex) => {
    if (pair.kind === "missing") {
      issues.push({
        array: array.name,
        key: pair.key,
        message: `${array.name}: no current item has ${array.idField} "${pair.key}"; an item cannot be created with a given ${array.idField}, so nothing is sent for it`,
      });
    } else if (pair.kind === "new") {
      if (!array.creatable) {
        issues.push({
          array: array.name,
          key: pair.key,
          message: `${array.name}: "${pair.key}" does not exist and ${operationId} cannot create ${array.name} (its items require ${array.idField}); create it through its own operation first (documents need an upload)`,
        });
        return;
      }
      order.push({ write: writes.length });
      writes.push({
        entry: pickWritable(pair.desired, array.writableFields),
        current: undefined,
        id: undefined,
        desiredIndex,
      });
    } else if (
      writableFieldsDiffer(pair.current, pair.desired, array.writableFields)
    ) {
      order.push({ write: writes.length });
      writes.push({
        entry: pickWritable(pair.desired, array.writableFields, {
          [array.idField]: pair.id,
        }),
        current: pair.current,
        id: pair.id,
        desiredIndex,
      });
    } else {
      order.push({ unchanged: pair.id });
    }
  });

  const deletedIds = new Set(unmatched.map(({ id }) => id));
  const conflicts = findKeyConflicts(array, current, writes, deletedIds);
  issues.push(...conflicts.issues);

  const upserts: Entry[] = [];
  const kept: Entry[] = [];
  let create = 0;
  let update = 0;
  let unchanged = 0;
  for (const slot of order) {
    if ("unchanged" in slot) {
      if (listKept) kept.push({ [array.idField]: slot.unchanged });
      unchanged++;
      continue;
    }
    const write = writes[slot.write]!;
    if (conflicts.heldBack.has(slot.write)) {
      // Not sent, but an existing item must stay listed or replace mode deletes it.
      if (listKept && write.id !== undefined)
        kept.push({ [array.idField]: write.id });
      continue;
    }
    upserts.push(write.entry as Entry);
    if (listKept) kept.push(write.entry as Entry);
    if (write.id === undefined) create++;
    else update++;
  }

  const deletes = unmatched.map(({ id }) => ({
    [array.idField]: id,
    [array.deleteField]: true,
  }));
  return {
    array,
    upserts,
    deletes,
    kept,
    counts: { create, update, delete: deletes.length, unchanged },
    issues,
  };
}
