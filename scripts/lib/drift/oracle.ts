/**
 * The generated types as an oracle for the drift rules (issue 14 §5): over
 * pairs of specs, a change drift rates SDK-breaking must show in the generated
 * types, and a break in the generated types must be rated SDK-breaking.
 *
 * Every distinct spec is generated once (generate-many.ts), all surfaces join
 * one TypeScript program, and each pair is compared with the same
 * incompatibility test `--sdk-check` uses (sdk-surface.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Project } from "ts-morph";
import type { Change, DriftReport } from "./change";
import { diffSpecs, type SpecInput } from "./diff-specs";
import { generateMany, specKey } from "./generate-many";
import { concerns, isSdkBreaking, operationLabel, pairOperations } from "./sdk-check";
import { createSurfaceProject, incompatibilities, readSurfaces, type SdkSurface } from "./sdk-surface";

const TSCONFIG = fileURLToPath(new URL("../../../tsconfig.json", import.meta.url));

export interface OraclePair {
  readonly name: string;
  readonly base: SpecInput;
  readonly head: SpecInput;
}

/**
 * - `rated-not-typed`: a rule calls the change SDK-breaking, the generated types stay compatible;
 * - `typed-not-rated`: old code stops compiling against the new types, no rule calls it SDK-breaking.
 */
export type DisagreementKind = "rated-not-typed" | "typed-not-rated";

export interface Disagreement {
  readonly pair: string;
  readonly operation: string;
  readonly kind: DisagreementKind;
  readonly detail: string;
}

export interface OracleResult {
  readonly disagreements: readonly Disagreement[];
  /** Distinct specs generated (pairs share bases). */
  readonly specs: number;
}

export async function runSdkOracle(pairs: readonly OraclePair[]): Promise<OracleResult> {
  const documents = new Map<string, { document: SpecInput["document"]; source: string }>();
  for (const pair of pairs) for (const side of [pair.base, pair.head]) documents.set(specKey(side.document), side);
  const scratch = await mkdtemp(join(tmpdir(), "artu-drift-oracle-"));
  try {
    const dirs = await generateMany(documents, scratch);
    const keys = [...dirs.keys()];
    const project = createSurfaceProject(TSCONFIG);
    const surfaces = await readSurfaces(project, [...dirs.values()]);
    const surfaceOf = (side: SpecInput) => surfaces[keys.indexOf(specKey(side.document))]!;
    const disagreements = pairs.flatMap((pair) =>
      compareWithTypes(project, pair.name, diffSpecs(pair.base, pair.head), surfaceOf(pair.base), surfaceOf(pair.head)),
    );
    return { disagreements, specs: dirs.size };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The disagreements between one pair's report and its generated surfaces, in operation order. */
export function compareWithTypes(project: Project, pair: string, report: DriftReport, base: SdkSurface, head: SdkSurface): Disagreement[] {
  const sdkBreaking = report.changes.filter(isSdkBreaking);
  const found: Disagreement[] = [];
  const explained = new Set<Change>();
  const paired = pairOperations(base.operations, head.operations);

  for (const [before, after] of paired) {
    const reasons = incompatibilities(project, before, after);
    const rated = sdkBreaking.filter((change) => concerns(change, before, after));
    if (reasons.length > 0) {
      rated.forEach((change) => explained.add(change));
      if (rated.length === 0) found.push({ pair, operation: operationLabel(after), kind: "typed-not-rated", detail: reasons.join("; ") });
    }
  }
  for (const gone of base.operations.filter((operation) => !paired.some(([before]) => before === operation))) {
    const rated = sdkBreaking.filter((change) => concerns(change, gone, gone));
    rated.forEach((change) => explained.add(change));
    if (rated.length === 0) found.push({ pair, operation: operationLabel(gone), kind: "typed-not-rated", detail: "operation gone from the generated client" });
  }

  const unexplained = new Map<string, string[]>();
  for (const change of sdkBreaking.filter((change) => !explained.has(change))) {
    unexplained.set(change.operationId, [...(unexplained.get(change.operationId) ?? []), change.id]);
  }
  for (const [operation, ids] of unexplained) {
    found.push({ pair, operation, kind: "rated-not-typed", detail: `rated SDK-breaking by ${[...new Set(ids)].join(", ")}; the generated types stay compatible` });
  }
  return found;
}

/** `pair operation kind`: how disagreements are listed and matched against the explained ones. */
export function disagreementKey(disagreement: Pick<Disagreement, "pair" | "operation" | "kind">): string {
  return `${disagreement.pair} ${disagreement.operation} ${disagreement.kind}`;
}
