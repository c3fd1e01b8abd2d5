/** ARTU keeps `externalId` unique per resource and environment: a second holder is a 409. */
import { conflict } from "../errors";
import { findByExternalId, type Entity } from "../store";

/**
 * Throws CONFLICT when `externalId` (if a string) is held by a record of
 * `items` other than `ownId`; `pointer` locates the request object.
 */
export function assertExternalIdFree(
  items: Map<string, Entity>,
  label: string,
  externalId: unknown,
  ownId: string | undefined,
  pointer: string,
): void {
  if (typeof externalId !== "string") return;
  const holder = findByExternalId(items, externalId);
  if (holder && holder.id !== ownId) {
    throw conflict(`${label} externalId ${JSON.stringify(externalId)} is already used by ${holder.id}`, [
      { path: `${pointer}/externalId`, message: "is already used" },
    ]);
  }
}
