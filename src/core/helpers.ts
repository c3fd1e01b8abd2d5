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
}

/** A response that is a union discriminated by one property with distinct constant values. */
export interface VariantUnionDescription {
  readonly operationId: string;
  readonly discriminant: string;
  readonly variants: readonly string[];
}
