/** Runtime drift alerts: the client's `drift` / `onDrift` options and what they report. */
export { ArtuDriftError } from "./error";
export type { ArtuDrift, DriftHandler, DriftKind, DriftMode } from "./types";
