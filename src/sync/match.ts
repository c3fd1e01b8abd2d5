/**
 * Pairing of current and desired items of one array. Linear: one Map per
 * key kind over `current`, one lookup per desired item.
 *
 * Modes (SyncMatch):
 * - "id": a desired item carrying the id updates that item.
 * - "externalId": every desired item must carry an externalId (how integrators
 *   sync from their own database); current items without one match nothing.
 * - a key function applied to both sides; it must return a non-empty string.
 * - default: by id when the desired item carries one, else by externalId.
 * A desired item without the key its mode matches by is an ArtuSyncPlanError
 * naming its index: creating it would churn (see unkeyedError).
 * Duplicate keys on either side, and two desired items reaching the same
 * current item, are an ArtuSyncPlanError naming the key.
 */
import type { SyncArrayDescription, SyncMatch } from "../core/helpers";
import { ArtuSyncPlanError } from "./errors";

type Item = Readonly<Record<string, unknown>>;

export type MatchMode = SyncMatch | "auto";

export type Pairing =
  | {
      readonly kind: "matched";
      readonly desired: Item;
      readonly current: Item;
      readonly id: string;
    }
  | { readonly kind: "new"; readonly desired: Item; readonly key: string }
  /** A desired item naming an id the current state does not have: nothing can be sent for it. */
  | { readonly kind: "missing"; readonly desired: Item; readonly key: string };

export interface ArrayPairing {
  /** In desired order. */
  readonly pairs: readonly Pairing[];
  /** Current items no desired item reached, in current order. */
  readonly unmatched: readonly { readonly item: Item; readonly id: string }[];
}

const EXTERNAL_ID = "externalId";
const AMBIGUOUS = Symbol("ambiguous");

export function pairItems(
  array: SyncArrayDescription,
  current: readonly Item[],
  desired: readonly Item[],
  mode: MatchMode,
): ArrayPairing {
  const ids = current.map((item, index) => currentId(array, item, index));
  const byId =
    mode === "id" || mode === "auto"
      ? indexCurrent(array, current, ids, array.idField, "error")
      : undefined;
  const byExternalId =
    mode === "externalId"
      ? indexCurrent(array, current, ids, EXTERNAL_ID, "error")
      : mode === "auto"
        ? indexCurrent(array, current, ids, EXTERNAL_ID, "ambiguous")
        : undefined;
  const byKeyFunction =
    typeof mode === "function"
      ? indexByFunction(array, current, mode)
      : undefined;

  const indexes = { byId, byExternalId, byKeyFunction };
  /** claimedBy[i] = 1 + index of the desired item that matched current item i (0: none). */
  const claimedBy = new Int32Array(current.length);
  // Keys of desired items that matched nothing, per key kind (an id and an
  // externalId may be equal strings). Matched duplicates are caught by claimedBy.
  const unmatchedKeys = new Map<string, Map<string, number>>();
  const unmatchedKeysOf = (label: string): Map<string, number> => {
    let seen = unmatchedKeys.get(label);
    if (seen === undefined) unmatchedKeys.set(label, (seen = new Map()));
    return seen;
  };
  const pairs: Pairing[] = [];

  for (let desiredIndex = 0; desiredIndex < desired.length; desiredIndex++) {
    const item = desired[desiredIndex]!;
    const lookup = lookUp(array, item, desiredIndex, mode, indexes);
    checkOwnId(
      array,
      item,
      desiredIndex,
      lookup,
      lookup.currentIndex === undefined ? undefined : ids[lookup.currentIndex],
    );
    if (lookup.currentIndex === undefined) {
      if (lookup.key !== undefined) {
        const seen = unmatchedKeysOf(lookup.label);
        const previous = seen.get(lookup.key);
        if (previous !== undefined) {
          throw duplicateError(
            array,
            lookup.label,
            lookup.key,
            "desired",
            previous,
            desiredIndex,
          );
        }
        seen.set(lookup.key, desiredIndex);
      }
      pairs.push({
        kind: lookup.mustExist ? "missing" : "new",
        desired: item,
        key: lookup.key ?? `#${desiredIndex}`,
      });
      continue;
    }
    const other = claimedBy[lookup.currentIndex]! - 1;
    if (other >= 0) {
      const first = lookUp(array, desired[other]!, other, mode, indexes);
      if (first.label === lookup.label && first.key === lookup.key) {
        throw duplicateError(
          array,
          lookup.label,
          lookup.key!,
          "desired",
          other,
          desiredIndex,
        );
      }
      throw new ArtuSyncPlanError(
        `${array.name}: desired items ${other} and ${desiredIndex} both match current item ${ids[lookup.currentIndex]}`,
        { array: array.name, key: ids[lookup.currentIndex]! },
      );
    }
    claimedBy[lookup.currentIndex] = desiredIndex + 1;
    pairs.push({
      kind: "matched",
      desired: item,
      current: current[lookup.currentIndex]!,
      id: ids[lookup.currentIndex]!,
    });
  }

  const unmatched: { item: Item; id: string }[] = [];
  for (let index = 0; index < current.length; index++) {
    if (claimedBy[index] === 0)
      unmatched.push({ item: current[index]!, id: ids[index]! });
  }
  return { pairs, unmatched };
}

interface Indexes {
  readonly byId: Map<string, number | typeof AMBIGUOUS> | undefined;
  readonly byExternalId: Map<string, number | typeof AMBIGUOUS> | undefined;
  readonly byKeyFunction: Map<string, number> | undefined;
}

interface Lookup {
  readonly key: string | undefined;
  /** What the key is: the id field, "externalId", or "key" (a key function's result). */
  readonly label: string;
  readonly currentIndex: number | undefined;
  /** True when the key is an id: an unknown id cannot be created. */
  readonly mustExist: boolean;
}

function lookUp(
  array: SyncArrayDescription,
  item: Item,
  index: number,
  mode: MatchMode,
  indexes: Indexes,
): Lookup {
  if (typeof mode === "function") {
    const key = keyFromFunction(array, mode, item, "desired", index);
    return {
      key,
      label: "key",
      currentIndex: indexes.byKeyFunction!.get(key),
      mustExist: false,
    };
  }
  const id = keyValue(item[array.idField]);
  if (id !== undefined && (mode === "id" || mode === "auto")) {
    return {
      key: id,
      label: array.idField,
      currentIndex: resolve(array, indexes.byId!, array.idField, id),
      mustExist: true,
    };
  }
  const externalId = keyValue(item[EXTERNAL_ID]);
  if (mode === "externalId" && externalId === undefined) {
    throw new ArtuSyncPlanError(
      `${array.name}: desired item ${index} has no externalId (match: "externalId")`,
      {
        array: array.name,
        key: `#${index}`,
      },
    );
  }
  if (externalId !== undefined && mode !== "id") {
    return {
      key: externalId,
      label: EXTERNAL_ID,
      currentIndex: resolve(
        array,
        indexes.byExternalId!,
        EXTERNAL_ID,
        externalId,
      ),
      mustExist: false,
    };
  }
  throw unkeyedError(array, index, mode);
}

/**
 * Matched by externalId or a key function, a desired item that also carries
 * an id must land on that id: otherwise the plan would write its fields to
 * another item, or create it anew and delete the item the id names.
 */
function checkOwnId(
  array: SyncArrayDescription,
  item: Item,
  index: number,
  lookup: Lookup,
  matchedId: string | undefined,
): void {
  const ownId = keyValue(item[array.idField]);
  if (
    ownId === undefined ||
    lookup.label === array.idField ||
    ownId === matchedId
  )
    return;
  const by = `${lookup.label === "key" ? "the key" : lookup.label} "${lookup.key}"`;
  const reached =
    matchedId === undefined
      ? `no current item has ${by}, so the plan would create a new item and delete ${ownId}`
      : `${by} matches ${array.idField} ${matchedId}`;
  throw new ArtuSyncPlanError(
    `${array.name}: desired item ${index} has ${array.idField} "${ownId}", but ${reached}; give each item the ${array.idField} and key of one current item`,
    { array: array.name, key: ownId },
  );
}

/**
 * An item without a key could be created, but no later plan could match it to
 * what this one creates: every plan would delete it and create it again.
 */
function unkeyedError(
  array: SyncArrayDescription,
  index: number,
  mode: MatchMode,
): ArtuSyncPlanError {
  const has =
    mode === "id"
      ? `has no ${array.idField} (match: "id")`
      : `has neither ${array.idField} nor externalId`;
  return new ArtuSyncPlanError(
    `${array.name}: desired item ${index} ${has}, so no later plan could match it to the item this plan would create ` +
      `(every plan would delete it and create it again); give it an externalId${mode === "id" ? ' and plan without match: "id"' : ` or its ${array.idField}`}, or match with a key function`,
    { array: array.name, key: `#${index}` },
  );
}

function resolve(
  array: SyncArrayDescription,
  index: Map<string, number | typeof AMBIGUOUS>,
  label: string,
  key: string,
): number | undefined {
  const found = index.get(key);
  if (found === AMBIGUOUS) {
    throw new ArtuSyncPlanError(
      `${array.name}: duplicate ${label} "${key}" in current; cannot tell which item to update`,
      {
        array: array.name,
        key,
      },
    );
  }
  return found;
}

function indexCurrent(
  array: SyncArrayDescription,
  current: readonly Item[],
  ids: readonly string[],
  field: string,
  onDuplicate: "error" | "ambiguous",
): Map<string, number | typeof AMBIGUOUS> {
  const index = new Map<string, number | typeof AMBIGUOUS>();
  for (let position = 0; position < current.length; position++) {
    const key =
      field === array.idField
        ? ids[position]
        : keyValue(current[position]![field]);
    if (key === undefined) continue;
    // One hash operation in the common case: a new key grows the Map.
    const size = index.size;
    index.set(key, position);
    if (index.size !== size) continue;
    if (onDuplicate === "ambiguous") {
      index.set(key, AMBIGUOUS);
      continue;
    }
    const first = current.findIndex(
      (item, at) =>
        (field === array.idField ? ids[at] : keyValue(item[field])) === key,
    );
    throw duplicateError(array, field, key, "current", first, position);
  }
  return index;
}

function indexByFunction(
  array: SyncArrayDescription,
  current: readonly Item[],
  keyOf: (item: Record<string, unknown>) => string,
): Map<string, number> {
  const index = new Map<string, number>();
  current.forEach((item, position) => {
    const key = keyFromFunction(array, keyOf, item, "current", position);
    const previous = index.get(key);
    if (previous !== undefined)
      throw duplicateError(array, "key", key, "current", previous, position);
    index.set(key, position);
  });
  return index;
}

function keyFromFunction(
  array: SyncArrayDescription,
  keyOf: (item: Record<string, unknown>) => string,
  item: Item,
  side: "current" | "desired",
  index: number,
): string {
  const key: unknown = keyOf(item as Record<string, unknown>);
  if (typeof key !== "string" || key === "") {
    throw new ArtuSyncPlanError(
      `${array.name}: the match function returned ${JSON.stringify(key) ?? "undefined"} for ${side} item ${index}; it must return a non-empty string`,
      { array: array.name, key: `#${index}` },
    );
  }
  return key;
}

function currentId(
  array: SyncArrayDescription,
  item: Item,
  index: number,
): string {
  const id = keyValue(item[array.idField]);
  if (id === undefined) {
    throw new ArtuSyncPlanError(
      `${array.name}: current item ${index} has no ${array.idField}`,
      {
        array: array.name,
        key: `#${index}`,
      },
    );
  }
  return id;
}

export function keyValue(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

function duplicateError(
  array: SyncArrayDescription,
  label: string,
  key: string,
  side: "current" | "desired",
  first: number,
  second: number,
): ArtuSyncPlanError {
  const where =
    first >= 0
      ? ` (items ${first} and ${second})`
      : ` (item ${second} and earlier ones)`;
  return new ArtuSyncPlanError(
    `${array.name}: duplicate ${label} "${key}" in ${side}${where}`,
    { array: array.name, key },
  );
}
