/**
 * Fault injection for users' resilience tests. A rule selects requests by
 * operationId or path (template like `/clients/{id}` or a concrete path) and
 * optionally method, then adds latency, answers with a status (and
 * Retry-After), destroys the socket, or changes the success body it sends
 * (`mutateResponse`, to serve schema drift). `rate` draws from a seeded
 * stream; `times` limits how often a rule fires.
 */
import { createRandom, deriveSeed, type Random } from "./random";

export interface FaultRule {
  operationId?: string;
  /** A path template as in the spec (`/clients/{id}`) or a concrete request path (`/clients/123…`). */
  path?: string;
  method?: string;
  latencyMs?: number;
  /** Answer with this status and an error body instead of running the operation. */
  status?: number;
  /** Probability in [0, 1] that the rule fires (default 1), drawn from the seeded stream. */
  rate?: number;
  /** Seconds, sent as the Retry-After header with `status`. */
  retryAfter?: number;
  /** Destroy the socket without answering. */
  reset?: true;
  /** Fire at most this many times. */
  times?: number;
  /** Error code of the `status` answer (default from the status: RATE_LIMITED for 429, INTERNAL for 5xx, …). */
  code?: string;
  /**
   * Run the operation as usual, then send what this returns instead of its
   * success body (given a deep copy: the stored data is not touched). Applied
   * after `validateResponses`, so the emulator can serve a response the
   * snapshot does not describe (an extra field, a new enum value…). Errors
   * are sent as they are.
   */
  mutateResponse?: (body: unknown) => unknown;
}

export interface FaultTarget {
  readonly operationId?: string;
  readonly pathTemplate?: string;
  readonly pathname: string;
  readonly method: string;
}

export interface FaultInjector {
  /** The rules that fire for this request, in order; counts them against `times`. */
  select(target: FaultTarget): FaultRule[];
  setRules(rules: readonly FaultRule[]): void;
  reset(): void;
}

export function validateFaultRules(rules: readonly FaultRule[]): void {
  rules.forEach((rule, index) => {
    const where = `faults[${index}]`;
    if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw new RangeError(`${where}.rate must be between 0 and 1`);
    if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599)) {
      throw new RangeError(`${where}.status must be an HTTP status code`);
    }
    if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0)) throw new RangeError(`${where}.latencyMs must be >= 0`);
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) throw new RangeError(`${where}.times must be a non-negative integer`);
    if (rule.mutateResponse !== undefined && typeof rule.mutateResponse !== "function") throw new TypeError(`${where}.mutateResponse must be a function`);
  });
}

export function createFaultInjector(initial: readonly FaultRule[], seed: number): FaultInjector {
  let rules: FaultRule[] = [];
  let fired: number[] = [];
  let random: Random = createRandom(deriveSeed(seed, "faults"));
  const setRules = (next: readonly FaultRule[]): void => {
    validateFaultRules(next);
    rules = next.map((rule) => ({ ...rule }));
    fired = rules.map(() => 0);
  };
  setRules(initial);
  return {
    setRules,
    reset() {
      setRules(initial);
      random = createRandom(deriveSeed(seed, "faults"));
    },
    select(target) {
      const selected: FaultRule[] = [];
      rules.forEach((rule, index) => {
        if (!matches(rule, target)) return;
        if (rule.times !== undefined && fired[index]! >= rule.times) return;
        if (rule.rate !== undefined && rule.rate < 1 && random.next() >= rule.rate) return;
        fired[index]! += 1;
        selected.push(rule);
      });
      return selected;
    },
  };
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.method && rule.method.toLowerCase() !== target.method.toLowerCase()) return false;
  if (rule.operationId && rule.operationId !== target.operationId) return false;
  if (rule.path && rule.path !== target.pathTemplate && rule.path !== target.pathname) return false;
  return true;
}

/** The success body after every fired rule's `mutateResponse`, in rule order; the body itself when none has one. */
export function mutatedBody(fired: readonly FaultRule[], body: unknown): unknown {
  let current = body;
  for (const rule of fired) if (rule.mutateResponse) current = rule.mutateResponse(current === undefined ? undefined : structuredClone(current));
  return current;
}

export function defaultFaultCode(status: number): string {
  if (status === 400) return "VALIDATION_ERROR";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  if (status === 503) return "SERVICE_UNAVAILABLE";
  return status >= 500 ? "INTERNAL" : "INJECTED_FAULT";
}
