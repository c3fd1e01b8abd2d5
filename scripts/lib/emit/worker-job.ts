/**
 * A worker thread that gets one message and answers once: the plumbing that
 * generate's two workers (openapi-typescript on very large specs, Ajv for the
 * drift validators) share. The worker is terminated as soon as it answers,
 * not when generate ends, so that its heap does not sit beside the peak of
 * the other thread; crashing or exiting before answering rejects the reply.
 */
import { Worker, type Transferable } from "node:worker_threads";

export interface WorkerJob<Reply> {
  /** The worker's one reply. */
  readonly reply: Promise<Reply>;
  post(message: unknown, transfer?: readonly Transferable[]): void;
  /** Stops the worker (once done, or when another stage failed first). */
  cancel(): Promise<void>;
}

/** Starts the worker at `url` now (its modules load meanwhile); `name` goes into the error when it dies. */
export function startWorkerJob<Reply>(url: URL, name: string): WorkerJob<Reply> {
  // No execArgv: the workers are plain JavaScript and need no TypeScript loader.
  const worker = new Worker(url, { execArgv: [] });
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once("message", (message: Reply) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the ${name} worker exited with code ${code}`)));
  });
  reply.catch(() => undefined);
  return {
    reply,
    post: (message, transfer) => worker.postMessage(message, transfer),
    cancel: async () => void (await worker.terminate()),
  };
}
