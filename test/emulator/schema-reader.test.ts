/**
 * The emulator's schema walkers (response shaping, item-count limits) read
 * schemas through the one reader the model and drift use, so `allOf` members
 * merge: a property two members define is one description, not two that the
 * walker gave up on.
 */
import { describe, expect, it } from "vitest";
import type { SchemaContext } from "../../scripts/lib/model/schema-view";
import { itemCountIssues } from "../../src/emulator/item-limits";
import { keepDescribed } from "../../src/emulator/response-shape";

const document = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Person: { type: "object", properties: { name: { type: "string" } } },
      Owned: {
        allOf: [
          { type: "object", properties: { id: { type: "string" }, owner: { $ref: "#/components/schemas/Person" } } },
          { properties: { owner: { description: "who owns it" } } },
        ],
      },
      Batch: {
        allOf: [
          { type: "object", properties: { items: { type: "array", maxItems: 5, items: { $ref: "#/components/schemas/Person" } } } },
          { properties: { items: { maxItems: 2 } } },
        ],
      },
      Missing: { properties: { ref: { $ref: "#/components/schemas/Nowhere" } } },
    },
  },
};
const context: SchemaContext = { document, source: "schema-reader fixture" };
const at = (name: string) => ({ value: (document.components.schemas as Record<string, unknown>)[name], pointer: `/components/schemas/${name}` });

describe("emulator walkers over the one schema reader", () => {
  it("strips undescribed members under a property that two allOf members define", () => {
    const answer = keepDescribed(context, at("Owned"), { id: "a", extra: 1, owner: { name: "x", secret: "s" } });
    expect(answer).toEqual({ id: "a", owner: { name: "x" } });
  });

  it("applies the tightest maxItems of the allOf members", () => {
    expect(itemCountIssues(context, at("Batch"), { items: [{}, {}, {}] }, "/body")).toEqual([{ path: "/body/items", message: "must NOT have more than 2 items" }]);
    expect(itemCountIssues(context, at("Batch"), { items: [{}, {}] }, "/body")).toEqual([]);
  });

  it("leaves a value it cannot follow (dangling $ref) to Ajv", () => {
    expect(keepDescribed(context, at("Missing"), { ref: { any: 1 } })).toEqual({ ref: { any: 1 } });
    expect(itemCountIssues(context, at("Missing"), { ref: [1, 2, 3] }, "/body")).toEqual([]);
  });
});
