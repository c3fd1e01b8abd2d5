/**
 * Generated methods serialize their query without openapi-fetch (so its client
 * stays out of the initial bundle); `artu.raw` uses openapi-fetch's default
 * serializer. Both must produce the same string for every query.
 */
import fc from "fast-check";
import { createQuerySerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { serializeQuery } from "../../src/client/query-string";

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const name = fc.string({ minLength: 1, maxLength: 8 });
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(name, scalar, { maxKeys: 4 }));

describe("serializeQuery", () => {
  it("matches openapi-fetch's default querySerializer on arbitrary queries", () => {
    const openapiFetch = createQuerySerializer();
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), (query) => {
        expect(serializeQuery(query, "op")).toBe(openapiFetch(query));
      }),
      { numRuns: 500 },
    );
  });

  it("serializes the ARTU shapes: form-exploded arrays, deepObject filters, encoded values", () => {
    expect(serializeQuery({ limit: 5, type: ["home", "work"], filter: { scope: "MX", name: "a&b" }, cursor: undefined, empty: [] }, "op")).toBe(
      "limit=5&type=home&type=work&filter[scope]=MX&filter[name]=a%26b",
    );
  });

  it("refuses a nested array or object, naming the operation and parameter", () => {
    expect(() => serializeQuery({ filter: { scope: ["MX"] } }, "clients.list")).toThrow(
      "clients.list: query parameter filter[scope] holds a nested array or object, which the query string cannot carry",
    );
  });
});
