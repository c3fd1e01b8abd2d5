import { describe, expect, it } from "vitest";
import { backoffMs, parseRetryAfter, retryDelayMs, type AttemptFailure, type RetryTiming } from "../../src/client/retry";

const timing: RetryTiming = { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000, random: () => 0.999, sleep: async () => {} };
const status = (code: number, retryAfterMs?: number): AttemptFailure => ({ kind: "status", status: code, retryAfterMs });

describe("retryDelayMs: which failures are retried", () => {
  const cases: [string, AttemptFailure, boolean, boolean][] = [
    // failure, retried when idempotent, retried when not
    ["nothing sent", { kind: "not-sent" }, true, true],
    ["429", status(429), true, true],
    ["408", status(408), true, true],
    ["500", status(500), true, false],
    ["503 with Retry-After", status(503, 1_000), true, false],
    ["connection lost after sending", { kind: "connection" }, true, false],
    ["timeout", { kind: "timeout" }, true, false],
    ["501 (not implemented: the same answer every time)", status(501), false, false],
    ["505", status(505), false, false],
    ["511", status(511), false, false],
    ["502", status(502), true, false],
    ["504", status(504), true, false],
    ["400", status(400), false, false],
    ["404", status(404), false, false],
    ["409", status(409), false, false],
  ];
  for (const [name, failure, idempotent, nonIdempotent] of cases) {
    it(`${name}: idempotent ${idempotent ? "retried" : "final"}, non-idempotent ${nonIdempotent ? "retried" : "final"}`, () => {
      expect(retryDelayMs(failure, { retriesDone: 0, maxRetries: 2, repeatable: true }, timing) !== undefined).toBe(idempotent);
      expect(retryDelayMs(failure, { retriesDone: 0, maxRetries: 2, repeatable: false }, timing) !== undefined).toBe(nonIdempotent);
    });
  }

  it("stops at maxRetries", () => {
    expect(retryDelayMs(status(503), { retriesDone: 2, maxRetries: 2, repeatable: true }, timing)).toBeUndefined();
    expect(retryDelayMs(status(503), { retriesDone: 0, maxRetries: 0, repeatable: true }, timing)).toBeUndefined();
  });

  it("honours Retry-After up to the cap, else gives up", () => {
    expect(retryDelayMs(status(429, 3_000), { retriesDone: 0, maxRetries: 2, repeatable: false }, timing)).toBe(3_000);
    expect(retryDelayMs(status(429, 60_001), { retriesDone: 0, maxRetries: 2, repeatable: false }, timing)).toBeUndefined();
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, timing))).toEqual([499, 999, 1998, 3996, 7992, 7992]);
    expect(backoffMs(3, { ...timing, random: () => 0 })).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("5", now)).toBe(5_000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1_500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
  });
  it("ignores garbage and absence", () => {
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
  });
});
