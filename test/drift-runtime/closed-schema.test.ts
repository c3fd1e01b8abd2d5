/**
 * The closed copy the drift validators are compiled from
 * (scripts/lib/emit/closed-schema.ts), checked by what Ajv 2020 then accepts
 * and rejects, and the divergences src/drift makes of its errors.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { closeSchemas, DEFS_ID } from "../../scripts/lib/emit/closed-schema";
import { divergencesOf, type Divergence } from "../../src/drift/divergences";

const components = {
  Named: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  Stamped: { type: "object", properties: { createdAt: { type: "string" } } },
  Thing: {
    allOf: [{ $ref: "#/components/schemas/Named" }, { $ref: "#/components/schemas/Stamped" }, { properties: { kind: { enum: ["a", "b"] } } }],
  },
  Done: { type: "object", properties: { status: { const: "done" }, result: { type: "integer" } }, required: ["status", "result"] },
  Failed: { type: "object", properties: { status: { const: "failed" }, reason: { type: "string" } }, required: ["status"] },
  Outcome: { oneOf: [{ $ref: "#/components/schemas/Done" }, { $ref: "#/components/schemas/Failed" }] },
};

const document = {
  openapi: "3.1.0",
  components: { schemas: components },
  root: {
    type: "object",
    properties: {
      thing: { $ref: "#/components/schemas/Thing" },
      maybeThing: { anyOf: [{ $ref: "#/components/schemas/Thing" }, { type: "null" }] },
      metadata: { type: "object" },
      counts: { type: "object", additionalProperties: { type: "integer" } },
      outcome: { $ref: "#/components/schemas/Outcome" },
      label: { type: "string", minLength: 50, description: "dropped constraint" },
    },
  },
};

function divergences(doc: object, value: unknown): Divergence[] {
  const closed = closeSchemas(doc, ["/root"], (doc as { openapi: string }).openapi);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema(closed.defs);
  const validate = ajv.compile(closed.roots[0]!);
  return validate(value) ? [] : divergencesOf(validate.errors ?? [], value);
}

const summary = (found: Divergence[]) => found.map(({ pointer, kind }) => `${pointer} ${kind}`);

describe("the closed copy of a response schema", () => {
  it("accepts what the spec describes, whichever way it is composed (allOf members stay open, the composition is closed)", () => {
    const thing = { name: "x", createdAt: "2025", kind: "a" };
    expect(
      divergences(document, {
        thing,
        maybeThing: thing,
        metadata: { anything: [1, 2], goes: true },
        counts: { a: 1, b: 2 },
        outcome: { status: "done", result: 3 },
        label: "short",
      }),
    ).toEqual([]);
    expect(divergences(document, { maybeThing: null, outcome: { status: "failed" } })).toEqual([]);
  });

  it("finds unknown properties at every level, through $ref, allOf and a nullable anyOf", () => {
    const thing = { name: "x", extra: 1 };
    expect(summary(divergences(document, { thing, maybeThing: thing, top: true })).sort()).toEqual([
      "/maybeThing/extra unknown-property",
      "/thing/extra unknown-property",
      "/top unknown-property",
    ]);
  });

  it("leaves free-form objects and maps open", () => {
    expect(divergences(document, { metadata: { new: 1 }, counts: { new: 2 } })).toEqual([]);
    expect(summary(divergences(document, { counts: { new: "two" } }))).toEqual(["/counts/new type-mismatch"]);
  });

  it("checks a discriminated union against the variant the response names only", () => {
    expect(divergences(document, { outcome: { status: "paused" } })).toEqual([
      { pointer: "/outcome/status", kind: "unknown-enum-value", expected: '"done" | "failed"', actual: '"paused"' },
    ]);
    expect(summary(divergences(document, { outcome: { status: "done", result: "3", note: "n" } }))).toEqual([
      "/outcome/result type-mismatch",
      "/outcome/note unknown-property",
    ]);
  });

  it("reports a value matching no member of a non-discriminated union once, with the members' types", () => {
    expect(divergences(document, { maybeThing: "x" })).toEqual([
      { pointer: "/maybeThing", kind: "type-mismatch", expected: "object | null", actual: '"x"' },
    ]);
  });

  it("reads OpenAPI 3.0 nullable as a null type", () => {
    const doc30 = { openapi: "3.0.3", root: { type: "object", properties: { note: { type: "string", nullable: true }, n: { type: "string" } } } };
    expect(divergences(doc30, { note: null })).toEqual([]);
    expect(summary(divergences(doc30, { n: null }))).toEqual(["/n type-mismatch"]);
  });

  it("references every definition through one shared $defs schema and leaves the document untouched", () => {
    const before = JSON.stringify(document);
    const closed = closeSchemas(document, ["/root"], "3.1.0");
    expect(JSON.stringify(document)).toBe(before);
    expect((closed.defs as { $id: string }).$id).toBe(DEFS_ID);
    expect(Object.keys((closed.defs as { $defs: object }).$defs)).toEqual([
      "/components/schemas/Done",
      "/components/schemas/Failed",
      "/components/schemas/Named",
      "/components/schemas/Outcome",
      "/components/schemas/Stamped",
      "/components/schemas/Thing",
    ]);
  });
});
