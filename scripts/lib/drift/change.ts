/**
 * The drift report's vocabulary. `Change` is the stable JSON contract other
 * tools read (`npm run drift -- --format json`); optional fields may be added,
 * the required ones never change meaning.
 */

/** How bad a change is for someone already using the API or the package. */
export type Level = "breaking" | "warning" | "info";
/** What it affects: the HTTP exchange, the generated TypeScript surface, or both. */
export type Axis = "wire" | "sdk" | "both";
/** The semver bump the package needs. */
export type Bump = "major" | "minor" | "patch" | "none";
/** Which way data flows through a schema: rules differ for what users send and what they receive. */
export type Direction = "request" | "response";

export interface Change {
  readonly id: string;
  readonly level: Level;
  readonly axis: Axis;
  /** `operationId` (or `METHOD /path`); `(document)` for document-wide changes. */
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** JSON pointer into the head document (into the base document for removals). */
  readonly pointer: string;
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** What a user of the package must do about it. */
  readonly action?: string;
}

export interface DriftReport {
  readonly bump: Bump;
  readonly changes: readonly Change[];
}

export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];
export const BUMPS: readonly Bump[] = ["major", "minor", "patch", "none"];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** `true` when `level` is at least as severe as `threshold`. */
export function atOrAbove(level: Level, threshold: Level): boolean {
  return levelRank(level) <= levelRank(threshold);
}

/** Where a change belongs: the operation it was found in. */
export interface OperationRefLike {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
}

export const DOCUMENT_SCOPE: OperationRefLike = { operationId: "(document)", method: "", path: "" };

export function countByLevel(changes: readonly Change[]): Record<Level, number> {
  const counts: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const change of changes) counts[change.level]++;
  return counts;
}
