/**
 * Shape checks of the items of one array, before any matching: every item on
 * either side is a plain object, and `desired` never carries the delete flag
 * (desired lists what should exist; an item is deleted by leaving it out).
 * Each failure names the array and the item's index.
 */
import type { SyncArrayDescription } from "../core/helpers";
import { ArtuSyncPlanError } from "./errors";

export function checkItems(
  array: SyncArrayDescription,
  side: "current" | "desired",
  items: readonly unknown[],
): void {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new ArtuSyncPlanError(
        `${array.name}: ${side} item ${index} is ${describeValue(item)}; every item must be an object`,
        { array: array.name, key: `#${index}` },
      );
    }
    if (
      side === "desired" &&
      (item as Record<string, unknown>)[array.deleteField] === true
    ) {
      throw new ArtuSyncPlanError(
        `${array.name}: desired item ${index} has ${array.deleteField}: true; desired lists the items to keep, so leave an item out to delete it`,
        { array: array.name, key: `#${index}` },
      );
    }
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a ${typeof value}`;
}
