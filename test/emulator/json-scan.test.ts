/**
 * The lexical pre-parse scan agrees with the parsed value: on any JSON text
 * (strings full of brackets, quotes and escapes included) it reports a
 * problem exactly when the parsed value breaks a limit, at the right pointer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/emulator/json-scan";
import { FORBIDDEN_KEYS } from "../../src/emulator/limits";
import { escapeToken } from "../../src/core/json-pointer";

const LIMITS = { maxDepth: 4, maxMembers: 3, maxElements: 3 };

/** The first problem in document order, found on the parsed value (the reference the scan must match). */
function firstProblem(value: unknown, path: string, depth: number): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (depth > LIMITS.maxDepth) return path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      if (index >= LIMITS.maxElements) return path;
      const found = firstProblem(item, `${path}/${index}`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [index, [key, child]] of Object.entries(value).entries()) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}/${escapeToken(key)}`;
    if (index >= LIMITS.maxMembers) return path;
    const found = firstProblem(child, `${path}/${escapeToken(key)}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a"b', "}{", "[]", "\\", "~/", "x\u0000", "constructor"));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"}]', "\\\"", "{[", "\\\\"), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
})).value;

describe("scanJson", () => {
  it("reports a problem exactly where the parsed value breaks a limit", () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(scanJson(text, LIMITS, "")?.path).toBe(firstProblem(JSON.parse(text), "", 1));
      }),
      { numRuns: 500 },
    );
  });

  it("decodes escaped keys before comparing them", () => {
    expect(scanJson('{"a":{"\\u005f_proto__":1}}', LIMITS, "/body")).toEqual({ path: "/body/a/__proto__", message: expect.stringContaining('"__proto__" is not allowed') });
  });
});
