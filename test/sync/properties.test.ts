/**
 * Properties of planSync against the in-memory model of ARTU's sync
 * semantics (model.ts): applying the plan reaches the desired state, planning
 * again is empty, and no request ever exceeds maxItems.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { planSync } from "../../src/sync";
import { expectFieldsMatch, expectMatchesDesired } from "./expect-state";
import type { SyncPlannerDescription } from "../../src/internal";
import {
  addressesSyncPlanner,
  clientsSyncPlanner,
  withMaxItems,
} from "./descriptions";
import {
  addressFieldsArb,
  arrayCaseArb,
  clientFieldsArb,
  contactFieldsArb,
} from "./arbitraries";
import { applyToModel, currentOf, type ModelState } from "./model";

type Item = Record<string, unknown>;

function applyPlan(
  description: SyncPlannerDescription,
  state: ModelState,
  requests: readonly { body: unknown }[],
): ModelState {
  let counter = 0;
  return requests.reduce(
    (next, request) =>
      applyToModel(
        description,
        next,
        request.body as Item,
        () => `created-${++counter}`,
      ),
    state,
  );
}

const runs = { numRuns: 300 };

/** planSync over loosely typed test data (the types themselves are tested in types.test-d.ts). */
function planLoose(description: SyncPlannerDescription, input: Item) {
  return planSync<SyncPlannerDescription, Item, Item>(
    description,
    input as never,
  );
}

describe("planSync against the model of ARTU's sync semantics", () => {
  test("one array (addresses.sync): applying the plan yields the desired state and re-planning is empty", () => {
    fc.assert(
      fc.property(
        arrayCaseArb("a", addressFieldsArb, 12),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        ({ current, desired }, maxItems, replace) => {
          const description = withMaxItems(addressesSyncPlanner, maxItems);
          const input = {
            clientId: "c",
            match: "externalId" as const,
            replace,
          };
          const plan = planLoose(description, {
            ...input,
            current: current,
            desired: desired,
          });
          const after = applyPlan(
            description,
            { root: {}, arrays: { items: current } },
            plan.requests,
          );
          expectMatchesDesired(after.arrays.items!, desired);
          expect(
            planLoose(description, {
              ...input,
              current: currentOf(description, after),
              desired: desired,
            }).requests,
          ).toEqual([]);
        },
      ),
      runs,
    );
  });

  test("several arrays and the client object (clients.sync): desired state reached, re-planning empty", () => {
    fc.assert(
      fc.property(
        arrayCaseArb("a", addressFieldsArb, 8),
        arrayCaseArb("c", contactFieldsArb, 8),
        clientFieldsArb,
        fc.option(clientFieldsArb, { nil: undefined }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (addresses, contacts, root, client, maxItems, replace) => {
          const description = withMaxItems(clientsSyncPlanner, maxItems);
          const state: ModelState = {
            root: { id: "c", ...root },
            arrays: {
              addresses: addresses.current,
              contactMethods: contacts.current,
            },
          };
          const desired = {
            addresses: addresses.desired,
            contactMethods: contacts.desired,
            ...(client === undefined ? {} : { client }),
          };
          const input = {
            clientId: "c",
            match: "externalId" as const,
            replace,
            desired: desired,
          };
          const plan = planLoose(description, {
            ...input,
            current: currentOf(description, state),
          });
          const after = applyPlan(description, state, plan.requests);
          expectMatchesDesired(after.arrays.addresses!, addresses.desired);
          expectMatchesDesired(after.arrays.contactMethods!, contacts.desired);
          if (client !== undefined) expectFieldsMatch(after.root, client);
          expect(
            planLoose(description, {
              ...input,
              current: currentOf(description, after),
            }).requests,
          ).toEqual([]);
        },
      ),
      runs,
    );
  });

  test("no request exceeds maxItems, for up to 2,000 items per array, with and without replace", () => {
    const sizes = fc.record({
      current: fc.integer({ min: 0, max: 2000 }),
      desired: fc.integer({ min: 0, max: 2000 }),
      overlap: fc.integer({ min: 0, max: 2000 }),
    });
    fc.assert(
      fc.property(
        sizes,
        sizes,
        fc.boolean(),
        (addresses, contacts, replace) => {
          const plan = planLoose(clientsSyncPlanner, {
            clientId: "c",
            replace,
            current: {
              addresses: items("a", addresses, "current"),
              contactMethods: items("c", contacts, "current"),
            },
            desired: {
              addresses: items("a", addresses, "desired"),
              contactMethods: items("c", contacts, "desired"),
            },
          });
          for (const request of plan.requests) {
            for (const array of clientsSyncPlanner.arrays) {
              expect(
                ((request.body as Item)[array.name] as unknown[] | undefined) ??
                  [],
              ).toSatisfy(
                (entries: unknown[]) => entries.length <= array.maxItems,
              );
            }
          }
          const sent = (name: string) =>
            plan.requests.reduce(
              (total, request) =>
                total +
                (((request.body as Item)[name] as unknown[] | undefined)
                  ?.length ?? 0),
              0,
            );
          const counts = plan.summary.addresses!;
          const usedReplace = plan.requests.some(
            (request) => (request.body as Item).replaceMode === true,
          );
          expect(sent("addresses")).toBe(
            usedReplace
              ? counts.create +
                  counts.update +
                  (counts.delete + counts.update + counts.create > 0
                    ? counts.unchanged
                    : 0)
              : counts.create + counts.update + counts.delete,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

/**
 * `current` items ext-0 … ext-(current-1); `desired` keeps the last `overlap`
 * of them (every other one changed) and adds new ones up to `desired`.
 */
function items(
  prefix: string,
  sizes: { current: number; desired: number; overlap: number },
  side: "current" | "desired",
): Item[] {
  if (side === "current") {
    return Array.from({ length: sizes.current }, (_, i) => ({
      id: `${prefix}-${i}`,
      externalId: `${prefix}-ext-${i}`,
      city: "A",
      metadata: { i },
    }));
  }
  const overlap = Math.min(sizes.overlap, sizes.current, sizes.desired);
  const kept = Array.from({ length: overlap }, (_, k) => {
    const i = sizes.current - overlap + k;
    return {
      externalId: `${prefix}-ext-${i}`,
      city: i % 2 === 0 ? "B" : "A",
      metadata: { i },
    };
  });
  const fresh = Array.from({ length: sizes.desired - overlap }, (_, k) => ({
    externalId: `${prefix}-new-${k}`,
    city: "N",
  }));
  return [...kept, ...fresh];
}
