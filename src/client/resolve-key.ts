/**
 * The key of one attempt when `apiKey` is a function (rotation, a secrets
 * manager). The function is the caller's code and may hang, throw or return
 * nothing useful: it runs under the attempt's signal (timeoutMs and the
 * caller's signal), and every failure is an ArtuError saying that nothing was
 * sent. Clients with a string key never come here.
 */
import type { AttemptSignal } from "./attempt-signal";
import { ArtuAbortError, ArtuError, where, type ArtuRequestContext } from "./errors";
import { checkApiKeyValue, type ArtuApiKey } from "./options";

/** Calls the key function; on failure finishes `attempt` (it ends here) and throws. */
export async function resolveKey(
  apiKey: ArtuApiKey,
  context: ArtuRequestContext,
  attempt: AttemptSignal,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<string> {
  let key: unknown;
  try {
    key = await settleUnlessAborted(() => (apiKey as () => string | Promise<string>)(), attempt.signal);
  } catch (thrown) {
    attempt.finish();
    if (callerSignal?.aborted) throw new ArtuAbortError(context, "while the apiKey function was running; nothing was sent", callerSignal.reason);
    if (thrown === ABORTED) {
      throw new ArtuError(`${where(context)}: the apiKey function did not return a key within ${timeoutMs} ms (timeoutMs); nothing was sent`);
    }
    const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    throw new ArtuError(`${where(context)}: the apiKey function failed (${detail}); nothing was sent`, { cause: thrown });
  }
  try {
    checkApiKeyValue(key, "the apiKey function's result", context.operationId);
  } catch (error) {
    attempt.finish();
    (error as Error).message += "; nothing was sent";
    throw error;
  }
  return key;
}

const ABORTED = Symbol("aborted");

/** `run()`'s value, or a rejection with ABORTED as soon as `signal` aborts (the function's promise is then ignored). */
function settleUnlessAborted<T>(run: () => T | Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(ABORTED);
    const onAbort = () => reject(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    const settle = <A extends unknown[]>(done: (...args: A) => void) => (...args: A) => {
      signal.removeEventListener("abort", onAbort);
      done(...args);
    };
    try {
      Promise.resolve(run()).then(settle(resolve), settle(reject));
    } catch (thrown) {
      settle(reject)(thrown);
    }
  });
}
