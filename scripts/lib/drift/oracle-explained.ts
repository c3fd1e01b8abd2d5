/**
 * Disagreements between the drift rules and the generated types that are
 * known, each with why: `npm run drift:oracle` and test/drift/oracle.test.ts
 * accept exactly these. A new disagreement is a bug in a rule or in the
 * generator; fix it, or add it here with the reason. An entry that no longer
 * disagrees fails too, so the list only ever says what is true.
 */
import { disagreementKey, type Disagreement } from "./oracle";

type Entry = Pick<Disagreement, "pair" | "operation" | "kind"> & { readonly why: string };

const ENTRIES: readonly Entry[] = [
  {
    pair: "response-union-variant-removed",
    operation: "clients.migrate",
    kind: "typed-not-rated",
    why:
      "deliberate (rules.ts, response-union-variant-removed): the result union narrows, so every old read compiles, but the " +
      "narrowing helpers of the removed variants are no longer generated; the rule cannot tell a result union (helpers) from " +
      "a nested one (none, as in kw-response-wrapped-into-overlapping-one-of-looser), and stays info",
  },
  {
    pair: "webhook-payload-enum-value-added",
    operation: "webhook clientUpdated",
    kind: "rated-not-typed",
    why:
      "the oracle reads operations only: the generated `webhooks` type in schema.ts does widen " +
      '(`"application/json": "created"` → `"created" | "deleted"`), so the rule is right',
  },
];

export const EXPLAINED_DISAGREEMENTS: ReadonlyMap<string, string> = new Map(ENTRIES.map((entry) => [disagreementKey(entry), entry.why]));

export interface OracleVerdict {
  /** Disagreements nobody explained: bugs. */
  readonly unexplained: readonly Disagreement[];
  /** Explained keys of the pairs checked that no longer disagree: to remove from the list. */
  readonly stale: readonly string[];
}

export function judge(disagreements: readonly Disagreement[], pairsChecked: readonly string[]): OracleVerdict {
  const found = new Set(disagreements.map(disagreementKey));
  const checked = new Set(pairsChecked);
  return {
    unexplained: disagreements.filter((disagreement) => !EXPLAINED_DISAGREEMENTS.has(disagreementKey(disagreement))),
    stale: ENTRIES.filter((entry) => checked.has(entry.pair) && !found.has(disagreementKey(entry))).map(disagreementKey),
  };
}
