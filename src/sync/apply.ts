/**
 * applySync: sends a plan's requests one after the other, in plan order (the
 * order is what keeps a part-way failure consistent, see chunk.ts). Never in
 * parallel, never skipping: on the first failure it stops and throws a
 * SyncApplyError saying exactly which requests were applied and which not.
 */
import type { OperationInvoker } from "../core/operation";
import type {
  SyncPlan,
  SyncPlannerDescription,
  SyncRequest,
} from "../core/helpers";
import { SyncApplyError } from "./errors";

export interface SyncApplyProgress<P, B> {
  /** Position of the request that just succeeded (0-based). */
  readonly index: number;
  readonly total: number;
  readonly request: SyncRequest<P, B>;
}

export interface SyncApplyOptions<P, B> {
  /** Called after each request succeeded. */
  readonly onProgress?: (progress: SyncApplyProgress<P, B>) => void;
  /** Stops before the next request (and aborts the one in flight); reported as a SyncApplyError. */
  readonly signal?: AbortSignal;
}

export interface SyncApplyResult {
  /** One response per request, in order. */
  readonly responses: unknown[];
}

export async function applySync<D extends SyncPlannerDescription, P, B>(
  client: OperationInvoker,
  plan: SyncPlan<D, P, B>,
  options: SyncApplyOptions<P, B> = {},
): Promise<SyncApplyResult> {
  const { operation } = plan.description;
  const requests = plan.requests;
  const responses: unknown[] = [];
  for (let index = 0; index < requests.length; index++) {
    const request = requests[index]!;
    try {
      options.signal?.throwIfAborted();
      const response = await client.request(
        operation,
        request.params as object,
        request.body,
        signalOption(options.signal),
      );
      responses.push(response);
    } catch (cause) {
      throw new SyncApplyError(operation.operationId, {
        applied: requests.slice(0, index),
        pending: requests.slice(index),
        responses,
        cause,
      });
    }
    try {
      options.onProgress?.({ index, total: requests.length, request });
    } catch (cause) {
      throw new SyncApplyError(operation.operationId, {
        applied: requests.slice(0, index + 1),
        pending: requests.slice(index + 1),
        responses,
        cause,
      });
    }
  }
  return { responses };
}

function signalOption(signal: AbortSignal | undefined) {
  return signal === undefined ? undefined : { signal };
}
