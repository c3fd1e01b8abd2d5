/**
 * Type tests of the narrowing helpers (the shape generated/helpers.ts emits,
 * hand-written in migrate-helpers.ts); checked by
 * `npx vitest run --typecheck test/narrowing` and by `npx tsc --noEmit`.
 */
import { describe, expectTypeOf, test } from "vitest";
import { ArtuVariantError } from "../../src/narrowing";
import {
  assertClientsMigrateCompleted,
  ClientsMigrateBlockedError,
  isClientsMigrateBlocked,
  matchClientsMigrateResult,
  type ClientsMigrateBlocked,
  type ClientsMigrateCompleted,
  type ClientsMigrateResult,
} from "./migrate-helpers";

declare const result: ClientsMigrateResult;

describe("result narrowing types", () => {
  test("guards narrow to the variant", () => {
    if (isClientsMigrateBlocked(result)) {
      expectTypeOf(result).toEqualTypeOf<ClientsMigrateBlocked>();
      expectTypeOf(
        result.blockers[0]!.reason,
      ).toEqualTypeOf<"missing-external-id">();
    } else {
      expectTypeOf(result).toEqualTypeOf<ClientsMigrateCompleted>();
      expectTypeOf(result.targetId).toEqualTypeOf<string>();
    }
    expectTypeOf(
      assertClientsMigrateCompleted(result),
    ).toEqualTypeOf<ClientsMigrateCompleted>();
  });

  test("match hands each branch its variant and returns the handlers' type", () => {
    const outcome = matchClientsMigrateResult(result, {
      completed: (value) => {
        expectTypeOf(value).toEqualTypeOf<ClientsMigrateCompleted>();
        return value.counts.length;
      },
      blocked: (value) => {
        expectTypeOf(value).toEqualTypeOf<ClientsMigrateBlocked>();
        return value.blockers.length;
      },
      unknown: (value) => {
        expectTypeOf(value).toBeUnknown();
        return -1;
      },
    });
    expectTypeOf(outcome).toEqualTypeOf<number>();
  });

  test("match is exhaustive: a missing branch does not compile", () => {
    // @ts-expect-error the blocked branch is missing
    matchClientsMigrateResult(result, { completed: () => 1 });
    matchClientsMigrateResult(result, {
      completed: () => 1,
      blocked: () => 2,
      // @ts-expect-error "failed" is not a variant of clients.migrate
      failed: () => 3,
    });
    matchClientsMigrateResult(result, {
      // @ts-expect-error a branch reading a field of another variant
      completed: (value) => value.blockers,
      blocked: () => [],
    });
  });

  test("variant error classes carry the variant's payload", () => {
    expectTypeOf<
      ClientsMigrateBlockedError["payload"]
    >().toEqualTypeOf<ClientsMigrateBlocked>();
    expectTypeOf<ClientsMigrateBlockedError>().toExtend<
      ArtuVariantError<ClientsMigrateBlocked>
    >();
    expectTypeOf<ArtuVariantError["actual"]>().toEqualTypeOf<string>();
  });
});
