/**
 * Errors of the sync planner and of applySync. Both extend ArtuError so that
 * callers can catch everything this package throws with one `instanceof`.
 */
import type { SyncRequest } from "../core/helpers";
import { ArtuError } from "../client/errors";

/** The plan cannot be made: duplicate keys, a missing context field, a malformed input. */
export class ArtuSyncPlanError extends ArtuError {
  override readonly name = "ArtuSyncPlanError";
  /** The array (or object, or input field) concerned; "" when the problem is not about one array. */
  readonly array: string;
  /** The offending key (an id, externalId, match key, `#index`, or the input field name). */
  readonly key: string;

  constructor(
    message: string,
    where: { readonly array: string; readonly key: string },
  ) {
    super(message);
    this.array = where.array;
    this.key = where.key;
  }
}

/**
 * A request of a plan failed. `applied` were sent successfully (their
 * responses in `responses`), `pending` were not: the first of them is the one
 * that failed (`cause`), and it may have reached the server if the failure came
 * after sending. Resume with `applySync(client, { ...plan, requests: error.pending })`,
 * or, safest, plan again from a fresh `current`.
 */
export class SyncApplyError extends ArtuError {
  override readonly name = "SyncApplyError";
  readonly operationId: string;
  readonly applied: readonly SyncRequest<unknown, unknown>[];
  readonly pending: readonly SyncRequest<unknown, unknown>[];
  readonly responses: readonly unknown[];
  override readonly cause: unknown;

  constructor(
    operationId: string,
    outcome: {
      readonly applied: readonly SyncRequest<unknown, unknown>[];
      readonly pending: readonly SyncRequest<unknown, unknown>[];
      readonly responses: readonly unknown[];
      readonly cause: unknown;
    },
  ) {
    const total = outcome.applied.length + outcome.pending.length;
    super(
      `${operationId}: request ${outcome.applied.length + 1} of ${total} failed (${describeCause(outcome.cause)}); ` +
        `${outcome.applied.length} applied, ${outcome.pending.length} pending`,
      { cause: outcome.cause },
    );
    this.operationId = operationId;
    this.applied = outcome.applied;
    this.pending = outcome.pending;
    this.responses = outcome.responses;
    this.cause = outcome.cause;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}
