import { describe, expect, it } from "vitest";
import { AttemptDeadlines } from "../../src/client/attempt-signal";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("AttemptDeadlines", () => {
  it("aborts an attempt that outlives its timeout, with a TimeoutError reason", async () => {
    const deadlines = new AttemptDeadlines();
    const attempt = deadlines.start(undefined, 30);
    expect(attempt.signal.aborted).toBe(false);
    await wait(60);
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as DOMException).name).toBe("TimeoutError");
    expect(attempt.timedOut()).toBe(true);
  });

  it("never aborts a finished attempt, and keeps expiring later ones in order", async () => {
    const deadlines = new AttemptDeadlines();
    const first = deadlines.start(undefined, 200);
    await wait(100);
    const second = deadlines.start(undefined, 200);
    first.finish();
    await wait(120); // first's deadline has passed, second's (about 80 ms away) not yet
    expect(first.signal.aborted).toBe(false);
    expect(second.signal.aborted).toBe(false);
    await wait(150);
    expect(second.timedOut()).toBe(true);
  });

  it("different timeouts are independent", async () => {
    const deadlines = new AttemptDeadlines();
    const long = deadlines.start(undefined, 1_000);
    const short = deadlines.start(undefined, 20);
    await wait(50);
    expect(short.timedOut()).toBe(true);
    expect(long.signal.aborted).toBe(false);
    long.finish();
  });

  it("the caller's abort is forwarded and is not a timeout", async () => {
    const deadlines = new AttemptDeadlines();
    const controller = new AbortController();
    const attempt = deadlines.start(controller.signal, 1_000);
    controller.abort(new Error("stop"));
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as Error).message).toBe("stop");
    expect(attempt.timedOut()).toBe(false);
    attempt.finish();
  });

  it("after finish, the caller's signal no longer reaches the attempt", () => {
    const deadlines = new AttemptDeadlines();
    const controller = new AbortController();
    const attempt = deadlines.start(controller.signal, 1_000);
    attempt.finish();
    controller.abort();
    expect(attempt.signal.aborted).toBe(false);
  });

  it("thousands of quick attempts leave nothing pending", async () => {
    const deadlines = new AttemptDeadlines();
    const attempts = Array.from({ length: 5_000 }, () => deadlines.start(undefined, 25));
    for (const attempt of attempts) attempt.finish();
    const late = deadlines.start(undefined, 25);
    await wait(50);
    expect(attempts.some((attempt) => attempt.signal.aborted)).toBe(false);
    expect(late.timedOut()).toBe(true);
  });
});

describe("AttemptDeadlines over time", () => {
  it("an attempt started after an earlier one finished still gets its full timeout, then times out", async () => {
    const deadlines = new AttemptDeadlines();
    const first = deadlines.start(undefined, 100);
    await wait(80);
    first.finish();
    const second = deadlines.start(undefined, 100); // the pending timer (armed for the first) fires before its deadline
    await wait(40);
    expect(second.signal.aborted).toBe(false);
    await wait(100);
    expect(second.timedOut()).toBe(true);
    // After the queue went idle and was dropped, a new attempt with the same timeout works as well.
    await wait(20);
    const third = deadlines.start(undefined, 20);
    await wait(45);
    expect(third.timedOut()).toBe(true);
  });
});
