/**
 * The generated types as an oracle for the drift rules (issue 14 §5), over
 * every pair of the drift corpus, enumerated from test/fixtures/drift: a change
 * drift rates SDK-breaking must show in the generated types, and a break of the
 * generated types must be rated SDK-breaking. The known disagreements, each
 * with its reason, are in scripts/lib/drift/oracle-explained.ts; a new one
 * fails, and so does a listed one that no longer occurs.
 * `npm run drift:oracle` prints the same comparison.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusPairNames, readCorpusPair, samplePairNames } from "../../scripts/lib/drift/corpus";
import { disagreementKey, runSdkOracle, type OracleResult } from "../../scripts/lib/drift/oracle";
import { EXPLAINED_DISAGREEMENTS, judge } from "../../scripts/lib/drift/oracle-explained";
import { runScript } from "./helpers/run-script";

const CORPUS = join(import.meta.dirname, "../fixtures/drift");
const NAMES = corpusPairNames(CORPUS);
let result: OracleResult;

beforeAll(async () => {
  result = await runSdkOracle(await Promise.all(NAMES.map((name) => readCorpusPair(CORPUS, name))));
}, 600_000);

describe("drift oracle: the generated types against the rules, over the whole corpus", () => {
  it("generates each distinct spec once", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(40);
    expect(result.specs).toBeLessThan(NAMES.length * 2);
  });

  it("finds no disagreement nobody explained", () => {
    const { unexplained } = judge(result.disagreements, NAMES);
    expect(
      unexplained.map((disagreement) => `${disagreementKey(disagreement)}: ${disagreement.detail}`),
      "fix the rule (or the generator), or explain the disagreement in scripts/lib/drift/oracle-explained.ts",
    ).toEqual([]);
  });

  it("lists as explained only disagreements that still occur", () => {
    expect(judge(result.disagreements, NAMES).stale, "remove these from scripts/lib/drift/oracle-explained.ts").toEqual([]);
  });

  it("sees both directions (the explained list holds real cases of each)", () => {
    const kinds = new Set(result.disagreements.filter((d) => EXPLAINED_DISAGREEMENTS.has(disagreementKey(d))).map((d) => d.kind));
    expect([...kinds].sort()).toEqual(["rated-not-typed", "typed-not-rated"]);
  });
});

describe("drift oracle: judging", () => {
  it("calls a disagreement not in the list unexplained, and a listed one of a checked pair that did not occur stale", () => {
    const invented = { pair: "identical", operation: "clients.create", kind: "typed-not-rated" as const, detail: "x" };
    const verdict = judge([invented], ["identical", "webhook-payload-enum-value-added"]);
    expect(verdict.unexplained).toEqual([invented]);
    expect(verdict.stale).toEqual(["webhook-payload-enum-value-added webhook clientUpdated rated-not-typed"]);
  });

  it("samples evenly and deterministically", () => {
    const names = Array.from({ length: 10 }, (_, index) => `p${index}`);
    expect(samplePairNames(names, 4)).toEqual(["p0", "p2", "p5", "p7"]);
    expect(samplePairNames(names, 20)).toEqual(names);
  });
});

describe("npm run drift:oracle", { timeout: 120_000 }, () => {
  it("exits 2 naming a corpus without pairs", async () => {
    const result = await runScript("drift-oracle.ts", ["--corpus", join(CORPUS, "identical")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^drift:oracle: --corpus .*identical: no <pair>\/base\.json \+ head\.json there\n$/);
  });
});
