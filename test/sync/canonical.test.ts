import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalEqual, canonicalJson } from "../../src/sync";

describe("canonical JSON equality", () => {
  test.each([
    [
      { a: 1, b: { c: [1, { d: 2, e: 3 }] } },
      { b: { c: [1, { e: 3, d: 2 }] }, a: 1 },
      true,
    ],
    [{ a: 1, gone: undefined }, { a: 1 }, true],
    [{ a: null }, {}, false],
    [[1, 2], [2, 1], false],
    [[undefined], [null], true],
    [{ a: [] }, { a: {} }, false],
    [{ a: "1" }, { a: 1 }, false],
    [Number.NaN, null, true],
    [undefined, null, false],
  ])("%j vs %j → %s", (a, b, equal) => {
    expect(canonicalEqual(a, b)).toBe(equal);
    expect(canonicalEqual(b, a)).toBe(equal);
  });

  test("agrees with comparing canonicalJson texts for any JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(canonicalEqual(a, b)).toBe(
          canonicalJson(a) === canonicalJson(b),
        );
        expect(canonicalEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
