import { describe, expect, it } from "vitest";
import { sameJson, serializeNormalized, sortKeysDeep } from "../../scripts/lib/spec/normalize";

describe("normalize", () => {
  const document = {
    paths: { "/b": { post: { z: 1, a: 2 } }, "/a": { get: {} } },
    openapi: "3.1.1",
    components: { schemas: { Zebra: { enum: ["z", "a"], type: "string" }, Apple: { allOf: [{ b: 1, a: 2 }, { type: "object" }] } } },
  };

  it("sorts object keys at every depth and keeps arrays in their order", () => {
    const sorted = sortKeysDeep(document);
    expect(Object.keys(sorted)).toEqual(["components", "openapi", "paths"]);
    expect(Object.keys(sorted.paths)).toEqual(["/a", "/b"]);
    expect(Object.keys(sorted.paths["/b"].post)).toEqual(["a", "z"]);
    expect(Object.keys(sorted.components.schemas)).toEqual(["Apple", "Zebra"]);
    expect(sorted.components.schemas.Zebra.enum).toEqual(["z", "a"]);
    expect(Object.keys(sorted.components.schemas.Apple.allOf[0]!)).toEqual(["a", "b"]);
  });

  it("serializes as 2-space JSON with a trailing newline, identical whatever the input key order", () => {
    const text = serializeNormalized(document);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const reversed = JSON.parse(JSON.stringify(document), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    );
    expect(Object.keys(reversed)[0]).toBe("components");
    expect(serializeNormalized(reversed)).toBe(text);
    expect(serializeNormalized(JSON.parse(text))).toBe(text);
  });

  it("sorts by code unit, not locale (uppercase before lowercase)", () => {
    expect(Object.keys(sortKeysDeep({ b: 1, B: 2, a: 3, _: 4 }))).toEqual(["B", "_", "a", "b"]);
  });

  it("compares structures ignoring key order but not array order", () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson({ a: 1 }, undefined)).toBe(false);
  });
});
