/**
 * Open enums keep their names (issue 13 §1): ARTU's extensible enums
 * (`anyOf: [{ enum: [...] }, { type: string }]`, e.g. ClientType) come out as
 * `"a" | "b" | (string & {})`, so editors still list the known values while
 * any string is accepted; a plain `"a" | string` would collapse to `string`.
 */
import { describe, expectTypeOf, test } from "vitest";
import type { components } from "../../generated/schema";

/** The literal members a type still distinguishes from `string` (never once it collapsed to plain string). */
type Known<T> = T extends string ? (string extends T ? never : T) : never;

type ClientType = components["schemas"]["ClientType"];

describe("open enums", () => {
  test("ClientType keeps its known values", () => {
    expectTypeOf<Known<ClientType>>().toEqualTypeOf<"individual" | "company" | "trust">();
    expectTypeOf<ClientType>().not.toEqualTypeOf<string>();
  });

  test("any other string is still accepted, a number is not", () => {
    expectTypeOf<"individual">().toExtend<ClientType>();
    expectTypeOf<"foundation">().toExtend<ClientType>();
    expectTypeOf<string>().toExtend<ClientType>();
    expectTypeOf<number>().not.toExtend<ClientType>();
  });

  test("a plain literal-or-string union would have collapsed (the check can fail)", () => {
    expectTypeOf<Known<"individual" | string>>().toEqualTypeOf<never>();
  });
});
