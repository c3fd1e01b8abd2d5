/**
 * Comparison of writable fields between a current item (as the API returns
 * it) and a desired item (as the caller writes it).
 *
 * Sync updates are partial on ARTU: a field the update leaves out keeps its
 * value. So a field that `desired` does not set (missing or `undefined`) is
 * "leave as is" and never causes an update; `null` in `desired` asks for no
 * value and equals a current `null` or missing field. Everything else is
 * compared by canonical JSON (key order of `metadata` and nested objects does
 * not matter, array order does).
 */
import { canonicalEqual } from "../core/canonical-json";

type Item = Readonly<Record<string, unknown>>;

export function fieldDiffers(
  currentValue: unknown,
  desiredValue: unknown,
): boolean {
  if (desiredValue === undefined) return false;
  if (desiredValue === null)
    return currentValue !== null && currentValue !== undefined;
  if (currentValue === null || currentValue === undefined) return true;
  return !canonicalEqual(currentValue, desiredValue);
}

export function writableFieldsDiffer(
  current: Item,
  desired: Item,
  writableFields: readonly string[],
): boolean {
  for (const field of writableFields) {
    if (fieldDiffers(current[field], desired[field])) return true;
  }
  return false;
}

/** The writable fields `desired` sets, in description order (what a create or update sends). */
export function pickWritable(
  desired: Item,
  writableFields: readonly string[],
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  const picked = into;
  for (const field of writableFields) {
    const value = desired[field];
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}
