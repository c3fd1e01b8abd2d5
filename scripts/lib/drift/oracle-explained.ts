/**
 * Disagreements between the drift rules and the generated types that are
 * known, each with why: `npm run drift:oracle` and test/drift/oracle.test.ts
 * accept exactly these. A new disagreement is a bug in a rule or in the
 * generator; fix it, or add it here with the reason. An entry that no longer
 * disagrees fails too, so the list only ever says what is true.
 */
import { disagreementKey, type Disagreement } from "./oracle";

type Entry = Pick<Disagreement, "pair" | "operation" | "kind"> & { readonly why: string };

/** A response value old code does not expect: the types break, the rules say `warning` (issue 14 §2 asks for breaking where the types change). */
const NEW_RESPONSE_VALUE = "a response that may carry a value old types do not admit: new Result not assignable to the old one, rated a warning";

const ENTRIES: readonly Entry[] = [
  { pair: "artu-clients-many-rules", operation: "clients.migrate", kind: "typed-not-rated", why: `response-union-variant-added: ${NEW_RESPONSE_VALUE}` },
  { pair: "response-union-variant-added", operation: "clients.migrate", kind: "typed-not-rated", why: `response-union-variant-added: ${NEW_RESPONSE_VALUE}` },
  { pair: "response-status-added", operation: "clients.migrate", kind: "typed-not-rated", why: `a new success status widens Result: ${NEW_RESPONSE_VALUE}` },
  { pair: "response-enum-value-added", operation: "clients.create", kind: "typed-not-rated", why: `response-enum-value-added: ${NEW_RESPONSE_VALUE}` },
  { pair: "response-enum-value-added", operation: "clients.retrieve", kind: "typed-not-rated", why: `response-enum-value-added: ${NEW_RESPONSE_VALUE}` },
  { pair: "shared-enum-value-added", operation: "clients.create", kind: "typed-not-rated", why: `response-enum-value-added: ${NEW_RESPONSE_VALUE}` },
  { pair: "shared-enum-value-added", operation: "clients.retrieve", kind: "typed-not-rated", why: `response-enum-value-added: ${NEW_RESPONSE_VALUE}` },
  {
    pair: "response-union-variant-removed",
    operation: "clients.migrate",
    kind: "typed-not-rated",
    why: "response-union-variant-removed is info, but the narrowing helpers of the removed variants are no longer generated",
  },
  {
    pair: "read-only-property-ignored-in-request",
    operation: "clients.create",
    kind: "typed-not-rated",
    why: "openapi-typescript drops a readOnly property from the request Body type; the rules see no request change (issue 14 §3: confirm with the types)",
  },
  { pair: "tuple-items-changed", operation: "clients.create", kind: "typed-not-rated", why: "prefixItems are not compared by the rules (issue 14 §2)" },
  { pair: "tuple-items-changed", operation: "clients.retrieve", kind: "typed-not-rated", why: "prefixItems are not compared by the rules (issue 14 §2)" },
  {
    pair: "discriminator-changed",
    operation: "clients.migrate",
    kind: "rated-not-typed",
    why: "the generated union ignores the discriminator (plain anyOf + const), so a discriminator change leaves the types as they were (issue 14 §3)",
  },
  {
    pair: "response-integer-widened-to-number",
    operation: "clients.create",
    kind: "rated-not-typed",
    why: "integer and number are both `number` in TypeScript: fractional values may arrive, no code stops compiling",
  },
  {
    pair: "response-integer-widened-to-number",
    operation: "clients.retrieve",
    kind: "rated-not-typed",
    why: "integer and number are both `number` in TypeScript: fractional values may arrive, no code stops compiling",
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
