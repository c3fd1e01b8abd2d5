/**
 * What one array of a sync request needs: creates (no id), updates (id plus
 * the desired writable fields), deletes (`{ id, _delete: true }`), and the
 * unchanged items (left out, except that replace mode lists them as `{ id }`
 * so they are kept).
 */
import type {
  SyncArrayDescription,
  SyncCounts,
  SyncPlanIssue,
} from "../core/helpers";
import { pickWritable, writableFieldsDiffer } from "./fields";
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
  const upserts: Entry[] = [];
  const kept: Entry[] = [];
  const issues: SyncPlanIssue[] = [];
  let create = 0;
  let update = 0;
  let unchanged = 0;

  for (const pair of pairs) {
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
        continue;
      }
      const entry = pickWritable(pair.desired, array.writableFields);
      upserts.push(entry);
      if (listKept) kept.push(entry);
      create++;
    } else if (
      writableFieldsDiffer(pair.current, pair.desired, array.writableFields)
    ) {
      const entry = pickWritable(pair.desired, array.writableFields, {
        [array.idField]: pair.id,
      });
      upserts.push(entry);
      if (listKept) kept.push(entry);
      update++;
    } else {
      if (listKept) kept.push({ [array.idField]: pair.id });
      unchanged++;
    }
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
