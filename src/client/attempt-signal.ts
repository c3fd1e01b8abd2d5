/**
 * The signal one attempt runs under: the caller's signal (if any) combined
 * with the per-attempt timeout, keeping the two causes apart so that a
 * timeout becomes ArtuTimeoutError and the caller's abort ArtuAbortError.
 */

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when the attempt ended because timeoutMs elapsed (and not because the caller aborted). */
  timedOut(): boolean;
}

export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (callerSignal === undefined) {
    return { signal: timeout, timedOut: () => timeout.aborted };
  }
  return {
    signal: AbortSignal.any([callerSignal, timeout]),
    timedOut: () => timeout.aborted && !callerSignal.aborted,
  };
}
