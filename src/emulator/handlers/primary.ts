/** A client's primary item among its items, optionally of one type (ARTU's primary flags). */
import type { Entity } from "../store";

/** The client's primary item, optionally of one type; undefined when there is none. */
export function primaryOf(items: readonly Entity[], type: unknown): Entity | undefined {
  return items.find((item) => item.isPrimary === true && (type === undefined || item.type === type));
}
