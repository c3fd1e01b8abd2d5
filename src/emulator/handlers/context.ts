/**
 * What an operation handler receives and returns. Handlers work on drafts of
 * the data sets: the server commits them only when the handler returns, so a
 * thrown error (an atomic batch item, a sync conflict) writes nothing.
 */
import type { Environment } from "../auth";
import type { Dataset } from "../store";

export interface HandlerContext {
  readonly operationId: string;
  readonly environment: Environment;
  /** Draft of the request's environment. */
  readonly data: Dataset;
  /** Draft of any environment (migrations write into the other one). */
  dataset(environment: Environment): Dataset;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  // The body was validated against the operation's schema before the handler runs.
  readonly body: any;
  /** A new seeded v4 UUID. */
  newId(): string;
  /** The timestamp of this write: the clock advances once, on the first call of a request. */
  now(): string;
  /** The clock's current instant without advancing (for reads). */
  readonly currentTime: string;
  /** The emulator's base URL (for upload URLs). */
  readonly baseUrl: string;
}

export type Handler = (context: HandlerContext) => unknown;
export type HandlerTable = Readonly<Record<string, Handler>>;
