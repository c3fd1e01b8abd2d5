/**
 * Generated code from the synthetic specs type-checks (strict), and behaves as
 * typed: usage files call the generated API and helpers, with `@ts-expect-error`
 * where the generated types must refuse a call. The descriptors are also
 * loaded and bound at run time through a recording binder.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInto, removeTempDirs, RUNTIME_ENTRY, spec, tempDir, typecheck } from "./support";

const FIXTURES = ["sync-parts", "union-kind", "paginated-batch", "openapi-31-features"] as const;

const USAGE: Record<string, string> = {
  "use-sync.ts": `
import { partsReconcilePlanner, planPartsReconcile, planWorkshopsReconcileAll, workshopsReconcileAllPlanner } from "./sync-parts/index";
import type { PartsCreateManyBody } from "./sync-parts/index";

const plan = planPartsReconcile({
  gadgetId: "g1",
  dryRun: false,
  current: [{ id: "p1", name: "old" }],
  desired: [{ name: "new", size: 3 }],
});
const requests: readonly { params: { gadgetId: string }; body: { items: unknown[] } }[] = plan.requests;
const bound: 40 = partsReconcilePlanner.arrays[0].maxItems;
const replace: "replaceMode" = partsReconcilePlanner.replaceModeField;
// @ts-expect-error the path parameter is required context
planPartsReconcile({ dryRun: false, current: [], desired: [] });
planPartsReconcile({ gadgetId: "g", dryRun: true, current: [], desired: [{ id: "x", name: "n" }] });
// @ts-expect-error desired items carry no delete flag: deletions come from what desired omits
planPartsReconcile({ gadgetId: "g", dryRun: true, current: [], desired: [{ name: "n", _delete: true }] });
// @ts-expect-error the item schema has no such field
planPartsReconcile({ gadgetId: "g", dryRun: true, current: [], desired: [{ name: "n", colour: "red" }] });

planWorkshopsReconcileAll({
  workshopId: "w1",
  current: { tools: [{ id: "t1", kind: "saw", teeth: 12 }], staff: [] },
  // Only properties common to the union variants: SyncDesiredItem (src/core/helpers.ts) is a non-distributive Omit.
  desired: { tools: [{ kind: "hammer" }], workshop: { name: "North" } },
});
const creatable: false = workshopsReconcileAllPlanner.arrays[1].creatable;
const batch: PartsCreateManyBody = { items: [{ name: "bolt", size: null }] };
export { batch, bound, creatable, replace, requests };
`,
  "use-union.ts": `
import {
  assertShapesGetSquare,
  isShapesGetCircle,
  isShapesMeasureInProgress,
  matchShapesGetResult,
  ShapesGetCircleError,
  shapesGetVariants,
  type ShapesGetResult,
  type ShapesMeasureResult,
} from "./union-kind/index";

declare const shape: ShapesGetResult;
declare const measured: ShapesMeasureResult;
const radius: number | undefined = isShapesGetCircle(shape) ? shape.radius : undefined;
const size: number = matchShapesGetResult(shape, { circle: (c) => c.radius, square: (s) => s.side });
// @ts-expect-error every variant needs a handler
matchShapesGetResult(shape, { circle: (c) => c.radius });
// @ts-expect-error a circle has no side
matchShapesGetResult(shape, { circle: (c) => c.side, square: (s) => s.side });
const side: number = assertShapesGetSquare(shape).side;
const eta: number | undefined = isShapesMeasureInProgress(measured) ? measured.eta : undefined;
const discriminant: "kind" = shapesGetVariants.discriminant;
const error: ShapesGetCircleError = new ShapesGetCircleError(shapesGetVariants, "square", { id: "c", kind: "circle", radius: 1 });
export { discriminant, error, eta, radius, side, size };
`,
  "use-resources.ts": `
import type { ArtuResources, BooksListItem } from "./paginated-batch/index";

export async function use(api: ArtuResources): Promise<number> {
  let titles = 0;
  for await (const book of api.books.list.iterate({ limit: 5 })) titles += book.title.length;
  const item: BooksListItem = { id: "b", title: "t" };
  const page = await api.books.search();
  const next: string | null = page.pagination.nextCursor;
  await api.books.search({ query: "x", pageCursor: next });
  // A required body makes the (all-optional) params positional and required.
  await api.books.createMany({}, { items: [item] });
  // @ts-expect-error the body cannot take the params' place
  await api.books.createMany({ items: [item] });
  await api.books.postShelvesByShelfIdBooksBatch({ shelfId: "s" }, { items: ["b"] });
  await api.shelves.remove({ shelfId: "s" }, { timeoutMs: 1000 });
  // @ts-expect-error the path parameter is required
  await api.shelves.remove({});
  const count: number = await api.shelves.postShelvesByShelfIdCount({ shelfId: "s" });
  return titles + count;
}
`,
  "use-features.ts": `
import type { components } from "./openapi-31-features/schema";
type F = components["schemas"]["Features"];
const constant: F["constant"] = "fixed";
// @ts-expect-error const is a literal type
const notConstant: F["constant"] = "other";
const nullable: F["nullable"] = null;
const either: F["either"][] = ["a", 1];
const anything: F["anything"] = { any: "thing" };
// an object without properties is any object (emptyObjectsUnknown), as JSON Schema reads it
const bag: F["bag"] = { key: 1 };
// @ts-expect-error but still an object
const notBag: F["bag"] = "text";
const openBag: F["openBag"] = { key: 1 };
// An open enum keeps its known values (editors list them) and accepts any other string.
type Known<T> = T extends string ? (string extends T ? never : T) : never;
const knownColours: Known<F["openChoice"]>[] = ["red", "green"];
// @ts-expect-error only the listed values are known ones
const unknownColour: Known<F["openChoice"]> = "blue";
const anyColour: F["openChoice"][] = ["red", "blue"];
// @ts-expect-error still a string
const notColour: F["openChoice"] = 1;
export { anyColour, knownColours, notColour, unknownColour };
const withDefault: F = { constant, choice: "a", either: 1, nullable, anything, bag: {}, openBag, combined: { name: "n" } };
export { bag, notBag, notConstant, withDefault };
`,
};

afterAll(removeTempDirs);

describe("generated code from the synthetic specs", () => {
  let root: string;

  beforeAll(async () => {
    root = await tempDir();
    const runtime = RUNTIME_ENTRY;
    for (const fixture of FIXTURES) await generateInto(spec(`${fixture}.json`), join(root, fixture), runtime);
    for (const [name, text] of Object.entries(USAGE)) await writeFile(join(root, name), text);
  }, 120_000);

  it("type-checks in strict mode, usage files included", async () => {
    const files = [...FIXTURES.map((fixture) => join(root, fixture, "index.ts")), ...Object.keys(USAGE).map((name) => join(root, name))];
    expect(await typecheck(root, files)).toEqual([]);
  }, 120_000);

  it("binds every descriptor through createResources", async () => {
    const operations = await import(join(root, "paginated-batch", "operations.ts"));
    const bound: unknown[] = [];
    const resources = operations.createResources({
      bind: (descriptor: unknown) => {
        bound.push(descriptor);
        return descriptor;
      },
    });
    expect(resources.books.list).toEqual({
      operationId: "books.list",
      method: "get",
      path: "/books",
      args: ["params"],
      pathParams: [],
      queryParams: ["cursor", "limit"],
      headerParams: ["X-Tenant"],
      idempotent: true,
      paginator: { cursorIn: "query", cursorName: "cursor" },
    });
    expect(resources.books.createMany.args).toEqual(["params", "body"]);
    expect(resources.books.createMany.batch).toEqual({ itemsField: "items", maxItems: 500, atomicField: "atomic", atomicDefault: false });
    expect(resources.books.postShelvesByShelfIdBooksBatch.operationId).toBe("postShelvesByShelfIdBooksBatch");
    expect(resources.shelves.remove.args).toEqual(["params"]);
    expect(bound).toHaveLength(6);
  });
});
