/**
 * planSync: from the current state (as the API returns it) and the desired
 * state (as the caller writes it) to the sync requests that get from one to
 * the other. Pure; linear in the number of items.
 *
 * - Matching: see match.ts (id / externalId / key function / default).
 * - Comparison: only the description's writable fields, see fields.ts (a
 *   field `desired` leaves out is left as is; `null` asks for no value).
 * - Plain objects (clients.sync `client`) are sent only when a writable field
 *   differs from the top level of `current`.
 * - Context fields (clientId) go to `params` (path) or `body` of every request.
 * - `replace: true` uses the operation's replace flag, listing every kept item,
 *   when each changed array's kept set fits in one request; otherwise the plan
 *   falls back to explicit `_delete` entries, which stay correct across chunks.
 */
import type {
  SyncArrayDescription,
  SyncCounts,
  SyncPlan,
  SyncPlanInput,
  SyncPlanIssue,
  SyncPlannerDescription,
  SyncRequest,
} from "../core/helpers";
import { checkItems } from "./check-items";
import { explicitRequests, replaceRequest, type RequestDraft } from "./chunk";
import { diffArray, type ArrayDiff, type Entry } from "./diff-array";
import { ArtuSyncPlanError } from "./errors";
import { pickWritable, writableFieldsDiffer } from "./fields";
import type { MatchMode } from "./match";

type Item = Readonly<Record<string, unknown>>;
type LooseInput = Readonly<Record<string, unknown>> & {
  readonly current?: unknown;
  readonly desired?: unknown;
  readonly match?: unknown;
  readonly replace?: unknown;
};

export function planSync<D extends SyncPlannerDescription, P, B>(
  description: D,
  input: SyncPlanInput<D, P, B>,
): SyncPlan<D, P, B> {
  const loose = input as unknown as LooseInput;
  checkDescription(description);
  const operationId = description.operation.operationId;
  const mode = matchModeOf(loose.match, operationId);
  const replace = loose.replace === true;
  const context = contextOf(description, loose);
  const single = description.arrays.length === 1;
  const current = loose.current;
  const desired = loose.desired;

  const diffs: ArrayDiff[] = [];
  const summary: Record<string, SyncCounts> = {};
  const issues: SyncPlanIssue[] = [];
  for (const array of description.arrays) {
    const desiredItems = single
      ? requireArray(desired, "desired", operationId)
      : desiredArrayOf(desired, array, operationId);
    if (desiredItems === undefined) continue;
    const currentItems = single
      ? requireArray(current, "current", operationId)
      : currentArrayOf(current, array, operationId);
    checkItems(array, "current", currentItems);
    checkItems(array, "desired", desiredItems);
    const diff = diffArray(
      array,
      operationId,
      currentItems,
      desiredItems,
      mode,
      replace,
    );
    diffs.push(diff);
    summary[array.name] = diff.counts;
    for (const issue of diff.issues) issues.push(issue);
  }

  const objects: Record<string, Entry> = {};
  if (!single) {
    for (const object of description.objects) {
      const desiredObject = objectOf(desired, object.name, operationId);
      if (desiredObject === undefined) continue;
      const changed = writableFieldsDiffer(
        asRecord(current, "current", operationId),
        desiredObject,
        object.writableFields,
      );
      if (changed)
        objects[object.name] = pickWritable(
          desiredObject,
          object.writableFields,
        );
      summary[object.name] = {
        create: 0,
        update: changed ? 1 : 0,
        delete: 0,
        unchanged: changed ? 0 : 1,
      };
    }
  }

  const drafts =
    replace && fitsInOneReplace(description, diffs, operationId)
      ? replaceRequest(diffs, objects)
      : explicitRequests(diffs, objects);
  const requests = drafts.map((draft) =>
    toRequest(description, context, draft),
  ) as unknown as SyncRequest<P, B>[];
  return { description, summary, requests, issues };
}

function fitsInOneReplace(
  description: SyncPlannerDescription,
  diffs: readonly ArrayDiff[],
  operationId: string,
): boolean {
  if (description.replaceModeField === undefined) {
    throw new ArtuSyncPlanError(
      `${operationId} has no replace mode; plan without replace: true`,
      { array: "", key: "replace" },
    );
  }
  return diffs.every((diff) => diff.kept.length <= diff.array.maxItems);
}

interface RequestContext {
  readonly params: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The context values every request carries, checked before planning so a missing one fails even for an empty plan. */
function contextOf(
  description: SyncPlannerDescription,
  input: LooseInput,
): RequestContext {
  const params: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const field of description.context) {
    const value = input[field.name];
    if (value === undefined) {
      throw new ArtuSyncPlanError(
        `${description.operation.operationId}: input.${field.name} is required (${field.in} field of every request)`,
        { array: "", key: field.name },
      );
    }
    (field.in === "path" ? params : body)[field.name] = value;
  }
  return { params, body };
}

function toRequest(
  description: SyncPlannerDescription,
  context: RequestContext,
  draft: RequestDraft,
): SyncRequest<object, object> {
  const body: Record<string, unknown> = {
    ...context.body,
    ...draft.objects,
    ...draft.arrays,
  };
  if (draft.replace) body[description.replaceModeField!] = true;
  return { params: { ...context.params }, body };
}

function matchModeOf(match: unknown, operationId: string): MatchMode {
  if (match === undefined) return "auto";
  if (match === "id" || match === "externalId" || typeof match === "function")
    return match as MatchMode;
  throw new ArtuSyncPlanError(
    `${operationId}: input.match must be "id", "externalId" or a function, got ${JSON.stringify(match)}`,
    {
      array: "",
      key: "match",
    },
  );
}

function checkDescription(description: SyncPlannerDescription): void {
  if (description.arrays.length === 0) {
    throw new ArtuSyncPlanError(
      `${description.operation.operationId}: the sync description lists no arrays`,
      { array: "", key: "" },
    );
  }
  for (const array of description.arrays) {
    if (!Number.isInteger(array.maxItems) || array.maxItems < 1) {
      throw new ArtuSyncPlanError(
        `${description.operation.operationId}: ${array.name}.maxItems must be a positive integer`,
        {
          array: array.name,
          key: "maxItems",
        },
      );
    }
  }
}

function requireArray(
  value: unknown,
  side: "current" | "desired",
  operationId: string,
): readonly Item[] {
  if (!Array.isArray(value))
    throw new ArtuSyncPlanError(
      `${operationId}: input.${side} must be an array of items`,
      { array: "", key: side },
    );
  return value as Item[];
}

/** Several arrays: an absent key leaves that collection alone. */
function desiredArrayOf(
  desired: unknown,
  array: SyncArrayDescription,
  operationId: string,
): readonly Item[] | undefined {
  const value = asRecord(desired, "desired", operationId)[array.name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw new ArtuSyncPlanError(
      `${operationId}: input.desired.${array.name} must be an array`,
      { array: array.name, key: array.name },
    );
  }
  return value as Item[];
}

/**
 * `null` is an empty collection; a missing key while `desired` lists that
 * array is an error, because planning against a resource retrieved without
 * the collection would create duplicates of everything.
 */
function currentArrayOf(
  current: unknown,
  array: SyncArrayDescription,
  operationId: string,
): readonly Item[] {
  const value = asRecord(current, "current", operationId)[array.name];
  if (value === null) return [];
  if (!Array.isArray(value)) {
    throw new ArtuSyncPlanError(
      `${operationId}: input.current.${array.name} is ${value === undefined ? "missing" : "not an array"} but input.desired lists ${array.name}; pass the resource as retrieved, with its ${array.name}`,
      { array: array.name, key: array.name },
    );
  }
  return value as Item[];
}

function objectOf(
  desired: unknown,
  name: string,
  operationId: string,
): Item | undefined {
  const value = asRecord(desired, "desired", operationId)[name];
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ArtuSyncPlanError(
      `${operationId}: input.desired.${name} must be an object`,
      { array: name, key: name },
    );
  }
  return value as Item;
}

function asRecord(
  value: unknown,
  side: "current" | "desired",
  operationId: string,
): Item {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ArtuSyncPlanError(
      `${operationId}: input.${side} must be an object keyed by array name`,
      { array: "", key: side },
    );
  }
  return value as Item;
}
