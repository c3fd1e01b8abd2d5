/**
 * A deterministic clock: it starts at a fixed instant and moves one second
 * forward per write, so timestamps are reproducible and strictly ordered.
 */
export const EMULATOR_EPOCH = Date.UTC(2025, 0, 1, 0, 0, 0);
const STEP_MS = 1000;

export interface Clock {
  /** The current instant, ISO 8601, without advancing. */
  now(): string;
  /** Advances by one step and returns the new instant (call once per write). */
  tick(): string;
}

export function createClock(start: number = EMULATOR_EPOCH): Clock {
  let current = start;
  return {
    now: () => new Date(current).toISOString(),
    tick: () => {
      current += STEP_MS;
      return new Date(current).toISOString();
    },
  };
}
