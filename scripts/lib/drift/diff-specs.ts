/**
 * `diffSpecs(base, head)`: every change between two OpenAPI 3.x documents,
 * classified, sorted, with the semver bump it calls for. Pure: documents in,
 * report out. Operations are compared through their resolved schemas; a
 * difference no rule explains is still reported (as an unclassified warning
 * naming where it is), so `none` means the documents are equal after
 * normalization.
 */
import type { OpenApiDocument } from "../spec/load";
import { diffOperations } from "../spec/summary";
import { highestBump } from "./bump";
import type { DriftReport } from "./change";
import { ChangeCollector } from "./collector";
import { diffDocumentLevel } from "./diff-document";
import { diffOperation } from "./diff-operation";
import { unexplainedDifferences } from "./diff-unexplained";
import { matchOperations } from "./match-operations";
import { scopeOf } from "./operation-pair";
import type { Side } from "./diff-schema";
import { sortChanges } from "./sort";

export interface SpecInput {
  readonly document: OpenApiDocument;
  /** File path or `git:ref:path`, for error messages. */
  readonly source: string;
}

export function diffSpecs(base: SpecInput, head: SpecInput): DriftReport {
  const collector = new ChangeCollector();
  const baseSide: Side = { document: base.document, source: base.source };
  const headSide: Side = { document: head.document, source: head.source };
  const { pairs, added, removed } = matchOperations(base.document, head.document);

  for (const entry of added) {
    collector.report(scopeOf(entry), "operation-added", { pointer: entry.pointer, message: `${entry.method.toUpperCase()} ${entry.path} added` });
  }
  for (const entry of removed) {
    collector.report(scopeOf(entry), "operation-removed", { pointer: entry.pointer, message: `${entry.method.toUpperCase()} ${entry.path} removed` });
  }
  for (const pair of pairs) {
    diffOperation({ pair, scope: scopeOf(pair.head), collector, base: baseSide, head: headSide, visited: new Set() });
  }
  reportUnexplained(base, head, pairs, collector);
  diffDocumentLevel(base.document, head.document, collector, { base: base.source, head: head.source });

  const changes = sortChanges(collector.changes);
  return { bump: highestBump(changes), changes };
}

/**
 * An operation whose text changed: every difference the operation rules do
 * not look at is reported; when neither they nor any rule found anything, the
 * schemas were only rewritten into equivalent forms.
 */
function reportUnexplained(base: SpecInput, head: SpecInput, pairs: ReturnType<typeof matchOperations>["pairs"], collector: ChangeCollector): void {
  const changed = new Set(diffOperations(base.document, head.document).changed.map((ref) => ref.label));
  for (const pair of pairs) {
    const scope = scopeOf(pair.head);
    if (!changed.has(scope.operationId) && !changed.has(pair.base.label)) continue;
    const differences = unexplainedDifferences(base, pair.base, head, pair.head);
    for (const { path, kind } of differences) {
      const keyword = path[path.length - 1] ?? "(operation)";
      const message =
        kind === "operation-changed-unclassified"
          ? `\`${keyword}\` at ${path.join(" › ")} of the operation changed; no rule covers it`
          : `${kind === "example-changed" ? "example" : `extension \`${keyword}\``} at ${path.join(" › ")} changed`;
      collector.report(scope, kind, { pointer: pair.head.pointer, message });
    }
    if (differences.length === 0 && collector.countFor(scope.operationId) === 0) {
      collector.report(scope, "schema-rewritten-equivalently", {
        pointer: pair.head.pointer,
        message: "the operation's schemas are written differently but mean the same (equivalent nullable forms, inlined $refs, key order)",
      });
    }
  }
}
