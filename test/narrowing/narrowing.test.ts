import { describe, expect, test } from "vitest";
import {
  ArtuVariantError,
  assertVariant,
  matchVariant,
} from "../../src/narrowing";
import { ArtuError } from "../../src/client/errors";
import {
  assertClientsMigrateBlocked,
  assertClientsMigrateCompleted,
  ClientsMigrateBlockedError,
  ClientsMigrateCompletedError,
  clientsMigrateVariants,
  matchClientsMigrateResult,
  type ClientsMigrateResult,
} from "./migrate-helpers";

const completed: ClientsMigrateResult = {
  status: "completed",
  targetId: "9a1b2c3d-0000-4000-8000-000000000001",
  action: "created",
  counts: [{ resource: "clients", created: 1, updated: 0 }],
};
const blocked: ClientsMigrateResult = {
  status: "blocked",
  blockers: [
    {
      resource: "client",
      id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      label: "Acme SA",
      reason: "missing-external-id",
    },
    {
      resource: "transaction",
      id: "5d2e9f10-1111-4222-8333-444455556666",
      label: "TX 1001",
      reason: "missing-external-id",
    },
  ],
};
/** A variant a newer API version might send. */
const queued = {
  status: "queued",
  jobId: "j1",
} as unknown as ClientsMigrateResult;

const handlers = {
  completed: (value: { targetId: string }) => `completed ${value.targetId}`,
  blocked: (value: { blockers: unknown[] }) =>
    `blocked by ${value.blockers.length}`,
};

describe("matchVariant", () => {
  test("calls the handler of the discriminant's value", () => {
    expect(matchClientsMigrateResult(completed, handlers)).toBe(
      "completed 9a1b2c3d-0000-4000-8000-000000000001",
    );
    expect(matchClientsMigrateResult(blocked, handlers)).toBe("blocked by 2");
  });

  test("an unknown variant goes to the unknown handler, never to a known branch", () => {
    expect(
      matchClientsMigrateResult(queued, {
        ...handlers,
        unknown: (value) => `unknown ${JSON.stringify(value)}`,
      }),
    ).toBe('unknown {"status":"queued","jobId":"j1"}');
  });

  test("an unknown variant without an unknown handler is an ArtuVariantError naming it", () => {
    const error = catchError(() => matchClientsMigrateResult(queued, handlers));
    expect(error).toBeInstanceOf(ArtuVariantError);
    expect(error).toBeInstanceOf(ArtuError);
    expect(error).toMatchObject({
      operationId: "clients.migrate",
      discriminant: "status",
      expected: "",
      actual: "queued",
      payload: queued,
    });
    expect((error as Error).message).toBe(
      'clients.migrate returned status "queued" (a variant this client does not know: "completed", "blocked") where one of "completed", "blocked" was expected',
    );
  });

  test("a variant name that is an Object.prototype member or the unknown key does not pick a wrong handler", () => {
    const description = {
      operationId: "x.op",
      discriminant: "kind",
      variants: ["a"],
    } as const;
    expect(() =>
      matchVariant(description, { kind: "toString" }, { a: () => 1 }),
    ).toThrow(ArtuVariantError);
    expect(
      matchVariant(
        description,
        { kind: "toString" },
        { a: () => 1, unknown: () => 2 },
      ),
    ).toBe(2);
    expect(
      matchVariant(
        description,
        { kind: "unknown" },
        { a: () => 1, unknown: () => 2 },
      ),
    ).toBe(2);
  });

  test("a result without a string discriminant is unknown", () => {
    expect(
      matchVariant(clientsMigrateVariants, null, {
        ...handlers,
        unknown: () => "u",
      }),
    ).toBe("u");
    expect(() =>
      matchVariant(clientsMigrateVariants, { status: 1 }, handlers),
    ).toThrow(/clients.migrate returned a result without a string "status"/);
  });
});

describe("assertVariant", () => {
  test("returns the value when it is the expected variant", () => {
    expect(assertClientsMigrateCompleted(completed)).toBe(completed);
    expect(assertClientsMigrateBlocked(blocked)).toBe(blocked);
  });

  test("throws the received variant's error class, carrying its payload and listing the blockers in words", () => {
    const error = catchError(() => assertClientsMigrateCompleted(blocked));
    expect(error).toBeInstanceOf(ClientsMigrateBlockedError);
    expect(error).toBeInstanceOf(ArtuVariantError);
    expect(error).toMatchObject({
      name: "ClientsMigrateBlockedError",
      expected: "completed",
      actual: "blocked",
      payload: blocked,
    });
    expect((error as Error).message).toBe(
      'clients.migrate returned status "blocked" where "completed" was expected: blockers: ' +
        'client 3c90c3cc-0d44-4b50-8888-8dd25736052a "Acme SA" missing-external-id; ' +
        'transaction 5d2e9f10-1111-4222-8333-444455556666 "TX 1001" missing-external-id',
    );
    expect(
      catchError(() => assertClientsMigrateBlocked(completed)),
    ).toBeInstanceOf(ClientsMigrateCompletedError);
  });

  test("an unknown variant throws a plain ArtuVariantError", () => {
    const error = catchError(() => assertClientsMigrateCompleted(queued));
    expect(error?.constructor).toBe(ArtuVariantError);
    expect(error).toMatchObject({ expected: "completed", actual: "queued" });
  });

  test("long payload lists are cut after ten items", () => {
    const many = {
      status: "blocked",
      blockers: Array.from({ length: 12 }, (_, i) => ({
        resource: "client",
        id: `id-${i}`,
        label: `L${i}`,
        reason: "r",
      })),
    };
    const error = catchError(() =>
      assertVariant(clientsMigrateVariants, many, "completed", {}),
    );
    expect((error as Error).message).toMatch(/client id-9 "L9" r; and 2 more$/);
  });
});

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
