/**
 * The sync descriptions and body types the tests plan with: the generated
 * ones for clients.sync (several arrays, a `client` object, documents not
 * creatable) and addresses.sync (one array, clientId in the path), so the
 * runtime is tested on exactly what the generator emits.
 */
import { addressesSyncPlanner, clientsSyncPlanner } from "../../generated/helpers";
import type { SyncPlannerDescription } from "../../src/internal";

export { addressesSyncPlanner, clientsSyncPlanner };
export { addressesSyncOperation, clientsSyncOperation } from "../../generated/operations";
export type {
  AddressesSyncBody,
  AddressesSyncParams,
  ClientsSyncBody,
  ClientsSyncParams,
} from "../../generated/operations";

/** The same description with another maxItems, to exercise chunking on small inputs. */
export function withMaxItems<D extends SyncPlannerDescription>(
  description: D,
  maxItems: number,
): D {
  return {
    ...description,
    arrays: description.arrays.map((array) => ({ ...array, maxItems })),
  };
}
