/**
 * Descriptions the ts-morph pass emits for the helper shapes; the runtime in
 * `src/sync/` and `src/narrowing/` interprets them. Plain data, so that the
 * generator, the runtime and the tests agree by construction.
 */
import type { OperationDescriptor } from "./operation";

/** One array of a sync-shaped request body (items with optional `id` and `_delete`). */
export interface SyncArrayDescription {
  /** Body property holding the array ("addresses" in clients.sync, "items" in addresses.sync). */
  readonly name: string;
  readonly maxItems: number;
  /** Property identifying an existing item (ARTU: "id"). */
  readonly idField: string;
  /** Property that marks an item for deletion (ARTU: "_delete"). */
  readonly deleteField: string;
  /**
   * Item properties a caller may set, from the request schema, without the id
   * and delete flag. Only these take part in the comparison of current and
   * desired items, so server-managed fields never cause an update.
   */
  readonly writableFields: readonly string[];
  /** False when the item schema requires `idField`: the API cannot create such items through sync. */
  readonly creatable: boolean;
}

/** A sync-shaped operation. */
export interface SyncPlannerDescription {
  readonly operation: OperationDescriptor;
  readonly arrays: readonly SyncArrayDescription[];
  /**
   * Non-array body properties that are plain objects of writable fields
   * (clients.sync: "client"); sent only when they differ from `current`.
   */
  readonly objects: readonly { readonly name: string; readonly writableFields: readonly string[] }[];
  /** Body property switching to replace semantics (ARTU: "replaceMode"), if any. */
  readonly replaceModeField?: string;
  /** Values every request needs besides the arrays: path parameters and scalar body fields (clients.sync: clientId). */
  readonly context: readonly { readonly name: string; readonly in: "path" | "body" }[];
}

/** A response that is a union discriminated by one property with distinct constant values. */
export interface VariantUnionDescription {
  readonly operationId: string;
  readonly discriminant: string;
  readonly variants: readonly string[];
}

// ---------------------------------------------------------------------------
// Type-level view of a sync planner, computed from its `as const` description
// and the operation's generated Params/Body types. The runtime `planSync`
// (src/sync/) takes and returns these; generated `plan<Op>` functions only
// bind the description.

type ArrayDescriptionOf<D extends SyncPlannerDescription, K> = Extract<D["arrays"][number], { readonly name: K }>;
type ArrayNameOf<D extends SyncPlannerDescription> = D["arrays"][number]["name"];
type ObjectNameOf<D extends SyncPlannerDescription> = D["objects"][number]["name"];
type ItemOf<Body, K> = K extends keyof Body ? (NonNullable<Body[K]> extends readonly (infer Item)[] ? Item : never) : never;
type IsSingleArray<D extends SyncPlannerDescription> = D["arrays"] extends readonly [unknown] ? true : false;

/**
 * A desired item: the request item without its delete flag (the planner
 * decides deletions); the id stays optional, for `match: "id"`.
 */
export type SyncDesiredItem<D extends SyncPlannerDescription, Body, K> = DistributiveOmit<
  ItemOf<Body, K>,
  ArrayDescriptionOf<D, K>["idField"] | ArrayDescriptionOf<D, K>["deleteField"]
> & { readonly [F in ArrayDescriptionOf<D, K>["idField"]]?: string };

/** Omit applied to each member of a union (bank account items are one), so no variant loses its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A current item as the API returns it: its id plus (at least) the writable fields. */
export type SyncCurrentItem<D extends SyncPlannerDescription, K> = {
  readonly [F in ArrayDescriptionOf<D, K>["idField"]]: string;
} & { readonly [F in ArrayDescriptionOf<D, K>["writableFields"][number]]?: unknown };

/**
 * Desired state. One array: the items themselves. Several arrays (clients.sync):
 * an object keyed by array name, plus the plain objects (`client`); an absent
 * key means "leave that collection alone".
 */
export type SyncDesired<D extends SyncPlannerDescription, Body> =
  IsSingleArray<D> extends true
    ? readonly SyncDesiredItem<D, Body, ArrayNameOf<D>>[]
    : { readonly [K in ArrayNameOf<D>]?: readonly SyncDesiredItem<D, Body, K>[] } & {
        readonly [O in ObjectNameOf<D>]?: O extends keyof Body ? NonNullable<Body[O]> : never;
      };

/**
 * Current state as the API returns it. One array: the items. Several arrays:
 * the root resource as retrieved (clients.retrieve), holding the arrays under
 * the same names and, at its top level, the current values of the plain objects.
 */
export type SyncCurrent<D extends SyncPlannerDescription> =
  IsSingleArray<D> extends true
    ? readonly SyncCurrentItem<D, ArrayNameOf<D>>[]
    : { readonly [K in ArrayNameOf<D>]?: readonly SyncCurrentItem<D, K>[] | null } & {
        /** The root resource's own fields: the current values of the plain objects. */
        readonly [field: string]: unknown;
      };

/** How current and desired items are paired: by id, by externalId, or by a key function. */
export type SyncMatch = "id" | "externalId" | ((item: Record<string, unknown>) => string);

/**
 * Input of `plan<Op>`: the context the requests need (path parameters and
 * scalar body fields such as `clientId`), current and desired state.
 */
export type SyncPlanInput<D extends SyncPlannerDescription, Params, Body> = {
  readonly [C in D["context"][number]["name"]]: C extends keyof Params
    ? Params[C]
    : C extends keyof Body
      ? NonNullable<Body[C]>
      : never;
} & {
  readonly current: SyncCurrent<D>;
  readonly desired: SyncDesired<D, Body>;
  /** Default "id" for items that carry one, else "externalId". */
  readonly match?: SyncMatch;
  /** Delete what `desired` does not list through the operation's replace mode instead of per-item deletes. */
  readonly replace?: boolean;
};

export interface SyncCounts {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly unchanged: number;
}

/** A problem found while planning (e.g. an item the API cannot create through sync); nothing is sent for it. */
export interface SyncPlanIssue {
  readonly array: string;
  readonly key: string;
  readonly message: string;
}

export interface SyncRequest<Params, Body> {
  readonly params: Params;
  readonly body: Body;
}

export interface SyncPlan<D extends SyncPlannerDescription, Params, Body> {
  readonly description: D;
  /** Per array (and per plain object) name. */
  readonly summary: Readonly<Record<string, SyncCounts>>;
  /** In send order; every array within maxItems. Empty when nothing changes. */
  readonly requests: readonly SyncRequest<Params, Body>[];
  readonly issues: readonly SyncPlanIssue[];
}
