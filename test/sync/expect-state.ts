/** Assertions that a synced state matches the desired one, independent of the planner's own comparison. */
import { expect } from "vitest";
import { canonicalJson } from "../../src/sync";

type Item = Record<string, unknown>;

/** Same number of items, and for each desired item (by externalId) every field it sets has that value (null = no value). */
export function expectMatchesDesired(
  actual: readonly Item[],
  desired: readonly Item[],
): void {
  expect(actual).toHaveLength(desired.length);
  const byExternalId = new Map(actual.map((item) => [item.externalId, item]));
  for (const wanted of desired) {
    const item = byExternalId.get(wanted.externalId);
    expect(item, `item ${String(wanted.externalId)}`).toBeDefined();
    expectFieldsMatch(item!, wanted);
  }
}

export function expectFieldsMatch(actual: Item, wanted: Item): void {
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const got = actual[field] ?? null;
    expect(
      canonicalJson(got),
      `${String(wanted.externalId ?? "")}.${field}`,
    ).toBe(canonicalJson(value));
  }
}
