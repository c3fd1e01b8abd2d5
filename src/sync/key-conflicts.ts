/**
 * ARTU keeps `externalId` unique per resource, and a sync request applies its
 * items in order, deletes last. So a write that gives an item an externalId
 * another item still holds at that moment fails the request with 409 CONFLICT:
 * swapped externalIds, an externalId taken over from an item the plan deletes
 * (deletes go after every create and update), or one another item keeps.
 *
 * This replays the writes in the order they will be sent and holds back each
 * one that would collide: it becomes a plan issue and nothing is sent for it,
 * so the rest of the plan applies cleanly instead of failing part-way.
 * (Collisions with other clients' items cannot be seen from here.)
 */
import type { SyncArrayDescription, SyncPlanIssue } from "../core/helpers";
import { keyValue } from "./match";

type Item = Readonly<Record<string, unknown>>;

const EXTERNAL_ID = "externalId";

export interface PlannedWrite {
  /** The entry to send (writable fields, plus the id for an update). */
  readonly entry: Readonly<Record<string, unknown>>;
  /** The current item an update writes to; undefined for a create. */
  readonly current: Item | undefined;
  /** Its id (updates), for messages and for telling holders apart. */
  readonly id: string | undefined;
  /** Index in desired, for messages about creates. */
  readonly desiredIndex: number;
}

/** Who holds an externalId: a current item (its id), or a write of this plan. Labels are made only for messages. */
type Holder = string | PlannedWrite;

const holderId = (holder: Holder) =>
  typeof holder === "string" ? holder : holder.id;

export interface KeyConflicts {
  /** Indexes (into the writes) of the writes held back. */
  readonly heldBack: ReadonlySet<number>;
  readonly issues: readonly SyncPlanIssue[];
}

export function findKeyConflicts(
  array: SyncArrayDescription,
  current: readonly Item[],
  writes: readonly PlannedWrite[],
  deletedIds: ReadonlySet<string>,
): KeyConflicts {
  const heldBack = new Set<number>();
  const issues: SyncPlanIssue[] = [];
  if (!array.writableFields.includes(EXTERNAL_ID)) return { heldBack, issues };

  /** externalId → the item holding it, as the server will see it step by step. */
  const holders = new Map<string, Holder>();
  for (const item of current) {
    const key = keyValue(item[EXTERNAL_ID]);
    if (key !== undefined) holders.set(key, String(item[array.idField]));
  }
  /** Ids whose externalId a later write changes (for the message). */
  const releasedLater = new Map<string, number>();
  writes.forEach((write, index) => {
    if (write.id !== undefined && EXTERNAL_ID in write.entry)
      releasedLater.set(write.id, index);
  });

  writes.forEach((write, index) => {
    if (!(EXTERNAL_ID in write.entry)) return;
    const before =
      write.current === undefined
        ? undefined
        : keyValue(write.current[EXTERNAL_ID]);
    const after = keyValue(write.entry[EXTERNAL_ID]);
    if (after === before) return;
    const holder = after === undefined ? undefined : holders.get(after);
    const heldBy = holder === undefined ? undefined : holderId(holder);
    if (holder !== undefined && (heldBy === undefined || heldBy !== write.id)) {
      heldBack.add(index);
      issues.push({
        array: array.name,
        key: after!,
        message: conflictMessage(array, write, after!, holder, {
          deleted: heldBy !== undefined && deletedIds.has(heldBy),
          releasedLater:
            heldBy !== undefined && (releasedLater.get(heldBy) ?? -1) > index,
        }),
      });
      return;
    }
    if (before !== undefined) holders.delete(before);
    if (after !== undefined) holders.set(after, write);
  });
  return { heldBack, issues };
}

function conflictMessage(
  array: SyncArrayDescription,
  write: PlannedWrite,
  key: string,
  holder: Holder,
  fate: { readonly deleted: boolean; readonly releasedLater: boolean },
): string {
  const who = describeWrite(array, write);
  const label =
    typeof holder === "string"
      ? `${array.idField} ${holder}`
      : describeWrite(array, holder);
  const why = fate.deleted
    ? `${label} holds it until this plan deletes it (deletes go after creates and updates); apply this plan and plan again`
    : fate.releasedLater
      ? `${label} gives it up only later in this plan (items are written in desired order); list that item first, or, for swapped externalIds, give one of them a temporary externalId first`
      : `${label} keeps it; give one of them another externalId`;
  return `${array.name}: ${who} would take externalId "${key}", but ${why}. externalIds are unique, so the request would fail with 409 CONFLICT: nothing is sent for ${who}`;
}

function describeWrite(
  array: SyncArrayDescription,
  write: PlannedWrite,
): string {
  return write.id === undefined
    ? `the new item (desired item ${write.desiredIndex})`
    : `${array.idField} ${write.id}`;
}
