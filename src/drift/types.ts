/**
 * Runtime drift alerts: an opt-in check of every success response against the
 * snapshot's response schema (closed, so unknown properties count). The
 * client's `drift` option picks the mode, `onDrift` receives what report mode
 * finds.
 */

/** "off" (default): no check, the validators are never loaded. "report": call `onDrift` once per new divergence, return the data. "strict": throw ArtuDriftError instead of returning drifting data. */
export type DriftMode = "off" | "report" | "strict";
export const DRIFT_MODES: readonly DriftMode[] = ["off", "report", "strict"];

/** What differs: a property the snapshot does not list, a value outside its enum/const, a required property that is missing, a value of another type (or format). */
export type DriftKind = "unknown-property" | "unknown-enum-value" | "missing-required" | "type-mismatch";

/** One way a response differs from the snapshot. */
export interface ArtuDrift {
  /** The operation whose response differs. */
  readonly operationId: string;
  /** JSON pointer into the response body; for a property (unknown or missing), the property itself: `/data/0/riskLevel`. */
  readonly pointer: string;
  /** See DriftKind. */
  readonly kind: DriftKind;
  /**
   * What the snapshot allows, as a TypeScript-like type: `"home" | "business"`,
   * `string | null`, `string (date-time)`; `absent` for an unknown property,
   * `present` for a missing required one.
   */
  readonly expected: string;
  /** The received value as JSON, truncated to 120 characters; `absent` for a missing property. */
  readonly actual: string;
}

/** Called once per operation, place (array indices ignored) and kind: the first occurrence is reported, repeats are not. */
export type DriftHandler = (drift: ArtuDrift) => void;
