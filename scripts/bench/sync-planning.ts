/**
 * Planning-time benchmark of the sync planner: `benchSyncPlanning()` plans a
 * realistic mix (per array: 40% unchanged with metadata keys in another order,
 * 30% changed, 15% deleted, 15% created; matched by externalId) for each size
 * and returns the times per size and the growth factor between sizes, next
 * to the growth of a bare Map doing only the key matching.
 * Pure apart from the clock; `npm run bench` prints the figures.
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { addressesSyncPlanner } from "../../generated/helpers";
import type { SyncPlannerDescription } from "../../src/core/helpers";
import { planSync } from "../../src/sync";
import { round } from "./measure";

export interface SyncPlanningFigure {
  /** Items per array (current and desired each). */
  readonly items: number;
  readonly arrays: number;
  /** Median planning time over the runs. */
  readonly medianMs: number;
  /** Fastest run: the figure least disturbed by other processes on a shared machine. */
  readonly minMs: number;
  readonly requests: number;
  /** minMs of this size ÷ minMs of the previous size (undefined for the first). */
  readonly growth: number | undefined;
  /**
   * The platform's own growth for the same step: a bare Map built over the
   * current externalIds and probed with the desired ones (what any linear
   * matcher must do). Large Maps outgrow the CPU caches, so this factor
   * exceeds 10× from 10k to 100k by itself.
   */
  readonly baselineGrowth: number | undefined;
}

export interface SyncPlanningOptions {
  readonly sizes?: readonly number[];
  readonly runs?: number;
}

export function benchSyncPlanning(
  options: SyncPlanningOptions = {},
): SyncPlanningFigure[] {
  const { sizes = [1_000, 10_000, 100_000], runs = 9 } = options;
  const description: SyncPlannerDescription = addressesSyncPlanner;
  const figures: SyncPlanningFigure[] = [];
  let previousBaselineMs: number | undefined;
  for (const items of sizes) {
    const input = inputFor(description, items);
    planSync(description, input); // warm-up: JIT and Map growth outside the measurement
    let requests = 0;
    const times = timeRuns(runs, () => {
      requests = planSync(description, input).requests.length;
    });
    const baselineMs = timeRuns(runs, () => matchKeysWithBareMap(input))[0]!;
    const previous = figures.at(-1);
    figures.push({
      items,
      arrays: description.arrays.length,
      medianMs: round(times[Math.floor(times.length / 2)]!),
      minMs: round(times[0]!),
      requests,
      growth:
        previous === undefined ? undefined : round(times[0]! / previous.minMs),
      baselineGrowth:
        previousBaselineMs === undefined
          ? undefined
          : round(baselineMs / previousBaselineMs),
    });
    previousBaselineMs = baselineMs;
  }
  return figures;
}

/** Sorted durations (ms) of `runs` calls, each after a full GC. */
function timeRuns(runs: number, run: () => void): number[] {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    collectGarbage();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function matchKeysWithBareMap(input: never): number {
  const { current, desired } = input as { current: unknown; desired: unknown };
  const lists = (side: unknown): Item[][] =>
    Array.isArray(side)
      ? [side]
      : Object.values(side as Record<string, Item[]>);
  const desiredLists = lists(desired);
  let matched = 0;
  lists(current).forEach((currentItems, index) => {
    const byKey = new Map<unknown, number>();
    currentItems.forEach((item, position) =>
      byKey.set(item.externalId, position),
    );
    for (const item of desiredLists[index]!)
      if (byKey.has(item.externalId)) matched++;
  });
  return matched;
}

/**
 * A full GC before each timed run, so that one run does not pay for the
 * previous run's garbage (the usual way to make a 100k figure comparable).
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

type Item = Record<string, unknown>;

function inputFor(description: SyncPlannerDescription, items: number): never {
  const current: Record<string, Item[]> = {};
  const desired: Record<string, Item[]> = {};
  for (const array of description.arrays) {
    const [currentItems, desiredItems] = arrayCase(array.name, items);
    current[array.name] = currentItems;
    desired[array.name] = desiredItems;
  }
  const single = description.arrays.length === 1;
  const only = description.arrays[0]!.name;
  return {
    clientId: "0b8f5a0e-2c7a-4f1e-9c55-000000000001",
    match: "externalId",
    current: single ? current[only] : current,
    desired: single ? desired[only] : desired,
  } as never;
}

function arrayCase(prefix: string, items: number): [Item[], Item[]] {
  const current: Item[] = [];
  const desired: Item[] = [];
  for (let i = 0; i < items; i++) {
    const fields = {
      externalId: `${prefix}-${i}`,
      street: `Reforma ${i}`,
      city: "Ciudad de México",
      postalCode: String(10_000 + (i % 90_000)),
      country: "MX",
      type: "home",
      isPrimary: i === 0,
      metadata: { source: "erp", row: i, tags: ["a", "b"] },
      scopeData: {
        MX: { neighborhood: "Roma Norte", municipality: "Cuauhtémoc" },
      },
    };
    current.push({
      id: `${prefix}-id-${i}`,
      ...fields,
      clientId: "c",
      createdAt: "2024-01-01T00:00:00Z",
      updatedAt: "2024-01-02T00:00:00Z",
    });
    const bucket = i % 20;
    if (bucket < 8)
      desired.push({
        ...fields,
        metadata: { tags: ["a", "b"], row: i, source: "erp" },
      });
    else if (bucket < 14) desired.push({ ...fields, city: "Guadalajara" });
    else if (bucket < 17) continue;
    else desired.push({ ...fields, externalId: `${prefix}-new-${i}` });
  }
  // As they arrive in practice: parsed from JSON (an API response, a database
  // driver), so flat strings and no sharing between the two sides.
  return [
    JSON.parse(JSON.stringify(current)),
    JSON.parse(JSON.stringify(desired)),
  ];
}
