/**
 * The model's shape detectors read schemas through the one reader
 * (`scripts/lib/model/schema/view.ts`): every `allOf` member's definition of
 * a property applies. The older reading kept the first definition of a
 * property only, so a bound or a type declared by a second member was lost.
 */
import { describe, expect, it } from "vitest";
import { buildApiModel } from "../../scripts/lib/model/build";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";

function modelOf(schemas: Record<string, unknown>, body: unknown) {
  const document = {
    openapi: "3.1.0",
    info: { title: "allOf fixture", version: "0.0.1" },
    paths: {
      "/things/sync": {
        post: {
          operationId: "things.run",
          requestBody: { required: true, content: { "application/json": { schema: body } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas },
  } as unknown as OpenApiDocument;
  const model = buildApiModel(document, "allof.json");
  return model.operations[0]!.shapes;
}

describe("allOf members seen by the model", () => {
  it("finds a batch whose maxItems is declared by a second allOf member", () => {
    const shapes = modelOf(
      { ThingsBody: { type: "object", properties: { items: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } } } } },
      { allOf: [{ $ref: "#/components/schemas/ThingsBody" }, { properties: { items: { maxItems: 250 } } }] },
    );
    expect(shapes.batchChunker).toEqual({ itemsField: "items", maxItems: 250 });
  });

  it("keeps the tightest maxItems and a _delete typed by a second member (sync planner)", () => {
    const item = {
      allOf: [
        { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, _delete: { description: "removes the item" } } },
        { properties: { _delete: { type: "boolean" } } },
      ],
    };
    const shapes = modelOf(
      { Item: item },
      {
        type: "object",
        allOf: [
          { properties: { things: { type: "array", maxItems: 500, items: { $ref: "#/components/schemas/Item" } } } },
          { properties: { things: { maxItems: 100 } } },
        ],
      },
    );
    expect(shapes.syncPlanner?.arrays).toEqual([
      { name: "things", maxItems: 100, idField: "id", deleteField: "_delete", writableFields: ["name"], creatable: true },
    ]);
  });

  it("still finds nothing when no member bounds the batch", () => {
    const shapes = modelOf({}, { allOf: [{ type: "object", properties: { items: { type: "array", items: { type: "string" } } } }, { properties: { other: { type: "string" } } }] });
    expect(shapes.batchChunker).toBeUndefined();
  });
});
