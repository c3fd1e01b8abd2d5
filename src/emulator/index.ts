/**
 * `artu-compliance-client/emulator`: a stateful, offline ARTU server for
 * tests. It serves the operations of an OpenAPI snapshot (by default the
 * package's `openapi/artu.json`), validates every request against it (and
 * every response, with `validateResponses`), keeps `test` and `live` data
 * apart, is deterministic for a seed and can inject faults.
 *
 *   const emulator = await startEmulator({ port: 0, seed: 1 });
 *   // ARTU base URL: emulator.url, API key: DEFAULT_API_KEY, header X-Environment: test|live
 *   await emulator.stop();
 */
import { DEFAULT_API_KEY } from "./auth";
import { defaultSpec } from "./default-spec";
import { validateFaultRules, type FaultRule } from "./faults";
import { buildEngine, type UnmodelledOperation } from "./engine/index";
import { HANDLERS, modelledOperations } from "./handlers/index";
import { startServer } from "./server";
import { hasSuccessResponse, readServedSpec } from "./spec-operations";
import type { EmulatorState } from "./store";
import type { ResourceFamily } from "../../scripts/lib/model/shapes/families";
import { compileValidation } from "./validation";

export { DEFAULT_API_KEY, modelledOperations };
export type { FaultRule, UnmodelledOperation };
export type { FamilyOperation, FamilyRole, ResourceFamily } from "../../scripts/lib/model/shapes/families";
export type { Dataset, EmulatorState, Entity, LinkEntity } from "./store";
export { EMULATOR_EPOCH } from "./clock";

/** The seed used when none is given: runs are deterministic either way. */
export const DEFAULT_SEED = 20250101;

export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted API keys (default: [DEFAULT_API_KEY]). */
  apiKeys?: string[];
  /** Seeds ids, request ids and fault draws (default DEFAULT_SEED). */
  seed?: number;
  /** Latency added to every request. */
  latencyMs?: number;
  faults?: FaultRule[];
  /** An OpenAPI 3.1 document to serve instead of the bundled snapshot. */
  spec?: object;
  /** Validate every success response against the snapshot: a mismatch answers 500 EMULATOR_RESPONSE_INVALID. */
  validateResponses?: boolean;
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:4010 (no trailing slash). */
  readonly url: string;
  stop(): Promise<void>;
  /** Back to the initial state: empty data sets, ids, clock, request ids and fault counters from the start. */
  reset(): void;
  /** Live view of both data sets (`state.test.clients`, …); read it fresh after each request. */
  readonly state: EmulatorState;
  /** Replaces the fault rules (their `times` counters start over). */
  setFaults(rules: FaultRule[]): void;
  /**
   * The operations the engine serves without state, with the reason (no
   * resource family places them): they answer a sample of their response
   * schema. One without any success response answers 501 NOT_IMPLEMENTED.
   */
  readonly unmodelledOperations: readonly UnmodelledOperation[];
  /** The resource families found in the served spec, by collection name. */
  readonly families: readonly ResourceFamily[];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const spec = (options.spec ?? defaultSpec) as Record<string, unknown>;
  const served = readServedSpec(spec);
  const { operations } = served;
  const engine = buildEngine(served, spec, HANDLERS, (operation) => hasSuccessResponse(spec, operation));
  const validateResponses = options.validateResponses === true;
  const validation = compileValidation(spec, operations, { validateResponses });
  const faults = options.faults ?? [];
  validateFaultRules(faults);
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY];
  if (!apiKeys.length) throw new RangeError("startEmulator: apiKeys must list at least one key");
  const server = await startServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    apiKeys: new Set(apiKeys),
    seed: options.seed ?? DEFAULT_SEED,
    latencyMs: options.latencyMs ?? 0,
    faults,
    operations,
    validation,
    validateResponses,
    handlers: engine.handlers,
  });
  return {
    url: server.url,
    state: server.state,
    stop: () => server.stop(),
    reset: () => server.reset(),
    setFaults: (rules) => server.setFaults(rules),
    unmodelledOperations: engine.unmodelled,
    families: served.families.families,
  };
}
