/**
 * Second opinion on the SDK axis: generate the client for both specs (into
 * temporary directories, with the project's generator), compare their public
 * surfaces, and report every operation where the generated code and the
 * spec-level verdict disagree, as a change of its own:
 * - `sdk-surface-disagreement` (breaking, sdk: forces a major bump) when old
 *   code stops compiling against the new surface but no spec rule said the
 *   operation's SDK changed in a way users must handle;
 * - `sdk-surface-unchanged` (warning) when a rule called a change SDK-breaking
 *   but the generated surface stays compatible.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateFiles } from "../emit/generate-files";
import { replaceOutputDirectory } from "../emit/output-dir";
import { runtimeImportFor } from "../emit/runtime-import";
import { pointer } from "../spec/pointer";
import { highestBump } from "./bump";
import type { Change, DriftReport } from "./change";
import { ChangeCollector } from "./collector";
import type { SpecInput } from "./diff-specs";
import { templateOf } from "./match-operations";
import { createSurfaceProject, incompatibilities, readSurfaces, type OperationSurface, type SdkSurface } from "./sdk-surface";
import { sortChanges } from "./sort";

const TSCONFIG = fileURLToPath(new URL("../../../tsconfig.json", import.meta.url));

export async function generateInto(spec: SpecInput, dir: string): Promise<void> {
  const { files } = await generateFiles({ document: spec.document, source: spec.source }, { runtimeImport: runtimeImportFor(dir) });
  await replaceOutputDirectory(dir, files);
}

/** Generates both sides into a temporary directory (removed afterwards) and adds the disagreements to `report`. */
export async function withSdkCheck(report: DriftReport, base: SpecInput, head: SpecInput): Promise<DriftReport> {
  const root = await mkdtemp(join(tmpdir(), "artu-drift-sdk-"));
  try {
    await generateInto(base, join(root, "base"));
    await generateInto(head, join(root, "head"));
    return await compareGenerated(report, join(root, "base"), join(root, "head"));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Compares two generated directories against the spec-level report. */
export async function compareGenerated(report: DriftReport, baseDir: string, headDir: string): Promise<DriftReport> {
  const project = createSurfaceProject(TSCONFIG);
  const [base, head] = (await readSurfaces(project, [baseDir, headDir])) as [SdkSurface, SdkSurface];
  const collector = new ChangeCollector();
  for (const [before, after] of pairOperations(base.operations, head.operations)) {
    const scope = { operationId: operationLabel(after), method: after.method, path: after.path };
    const ownChanges = report.changes.filter((change) => concerns(change, before, after));
    const at = pointer(["paths", after.path, after.method]);
    const reasons = incompatibilities(project, before, after);
    if (reasons.length > 0 && !acknowledges(ownChanges)) {
      collector.report(scope, "sdk-surface-disagreement", {
        pointer: at,
        message: `the generated code changes incompatibly but no spec rule says so: ${reasons.join("; ")}`,
        after: reasons,
      });
    }
    const sdkBreaking = ownChanges.filter(isSdkBreaking);
    if (reasons.length === 0 && sdkBreaking.length > 0) {
      collector.report(scope, "sdk-surface-unchanged", {
        pointer: at,
        message: `rules ${[...new Set(sdkBreaking.map((change) => `\`${change.id}\``))].join(", ")} call this SDK-breaking, but the generated surface stays compatible`,
        before: sdkBreaking.map((change) => change.id),
      });
    }
  }
  const changes = sortChanges([...report.changes, ...collector.changes]);
  return { bump: highestBump(changes), changes };
}

/**
 * The spec-level changes about this operation pair: matched by route on either
 * side, since an operation without an operationId is labelled by its route in
 * the report and by a generated name in the manifest.
 */
export function concerns(change: Change, before: OperationSurface, after: OperationSurface): boolean {
  const onRoute = (surface: OperationSurface) => change.method === surface.method && change.path === surface.path;
  return onRoute(after) || onRoute(before) || change.operationId === after.operationId;
}

export function isSdkBreaking(change: Change): boolean {
  return change.level === "breaking" && change.axis !== "wire";
}

/** The spec-level report already tells users to act on this operation's SDK surface. */
function acknowledges(changes: readonly Change[]): boolean {
  return changes.some((change) => change.axis !== "wire" && change.level !== "info");
}

export function operationLabel(surface: OperationSurface): string {
  return surface.operationId ?? `${surface.method.toUpperCase()} ${surface.path}`;
}

/** Same pairing as the spec diff: by operationId, then by method and path template. */
export function pairOperations(base: readonly OperationSurface[], head: readonly OperationSurface[]): [OperationSurface, OperationSurface][] {
  const pairs: [OperationSurface, OperationSurface][] = [];
  const taken = new Set<OperationSurface>();
  const rest: OperationSurface[] = [];
  for (const before of base) {
    const after = head.find((candidate) => !taken.has(candidate) && candidate.operationId === before.operationId);
    if (after) {
      pairs.push([before, after]);
      taken.add(after);
    } else rest.push(before);
  }
  for (const before of rest) {
    const route = `${before.method} ${templateOf(before.path)}`;
    const after = head.find((candidate) => !taken.has(candidate) && `${candidate.method} ${templateOf(candidate.path)}` === route);
    if (after) {
      pairs.push([before, after]);
      taken.add(after);
    }
  }
  return pairs;
}
