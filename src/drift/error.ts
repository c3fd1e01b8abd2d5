/**
 * `drift: "strict"`: a 2xx response that does not match the snapshot is
 * refused with ArtuDriftError instead of being returned. It is an
 * ArtuApiError (the API answered, with something the client will not hand
 * over, like ArtuResponseParseError): `body` holds the parsed response,
 * `divergences` what differs, `issues` the same as pointer + message.
 */
import { ArtuApiError, where, type ArtuApiErrorInit } from "../client/errors";
import type { ArtuDrift } from "./types";

/** `drift: "strict"`: a success response that does not match the snapshot; `body` is the data, `divergences` what differs. */
export class ArtuDriftError extends ArtuApiError {
  override readonly name: string = "ArtuDriftError";
  readonly divergences: readonly ArtuDrift[];

  constructor(init: Omit<ArtuApiErrorInit, "issues" | "code" | "serverMessage">, divergences: readonly ArtuDrift[]) {
    const issues = divergences.map((drift) => ({ path: drift.pointer, message: describeDivergence(drift) }));
    super(
      { ...init, issues, code: undefined, serverMessage: undefined },
      `${where(init)} returned ${init.status} with a body that does not match the snapshot: ` +
        `${summarize(divergences)}${init.requestId === undefined ? "" : ` [request ${init.requestId}]`}`,
    );
    this.divergences = divergences;
  }
}

const MAX_IN_MESSAGE = 5;

function summarize(divergences: readonly ArtuDrift[]): string {
  const shown = divergences.slice(0, MAX_IN_MESSAGE).map((drift) => `${drift.pointer || "/"} ${describeDivergence(drift)}`);
  const more = divergences.length > MAX_IN_MESSAGE ? `; and ${divergences.length - MAX_IN_MESSAGE} more` : "";
  return `${shown.join("; ")}${more}`;
}

/** `unknown property (got "high")`, `unknown enum value "x" (expected "a" | "b")`, … */
export function describeDivergence(drift: ArtuDrift): string {
  switch (drift.kind) {
    case "unknown-property":
      return `unknown property (got ${drift.actual})`;
    case "missing-required":
      return "missing required property";
    case "unknown-enum-value":
      return `unknown enum value ${drift.actual} (expected ${drift.expected})`;
    case "type-mismatch":
      return `type mismatch: expected ${drift.expected}, got ${drift.actual}`;
  }
}

/** The default onDrift line: `artu drift: clients.retrieve response /riskLevel: unknown property (got "high")`. */
export function driftLine(drift: ArtuDrift): string {
  return `artu drift: ${drift.operationId} response ${drift.pointer || "/"}: ${describeDivergence(drift)}`;
}
