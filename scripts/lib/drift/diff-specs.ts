/**
 * `diffSpecs(base, head)`: every change between two OpenAPI 3.x documents,
 * classified, sorted, with the semver bump it calls for. Pure: documents in,
 * report out. Operations are compared through their resolved schemas; a
 * difference no rule explains is still reported (as unclassified), so `none`
 * means the documents are equal after normalization.
 */
import type { OpenApiDocument } from "../spec/load";
import { sameJson } from "../spec/normalize";
import { diffOperations } from "../spec/summary";
import { highestBump } from "./bump";
import { DOCUMENT_SCOPE, type DriftReport } from "./change";
import { ChangeCollector } from "./collector";
import { diffOperation } from "./diff-operation";
import { matchOperations } from "./match-operations";
import { scopeOf } from "./operation-pair";
import type { Side } from "./schema-view";
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
  reportUnclassifiedOperations(base.document, head.document, pairs, collector);
  diffDocumentLevel(base.document, head.document, collector);

  const changes = sortChanges(collector.changes);
  return { bump: highestBump(changes), changes };
}

/** An operation whose definition (or a component it reaches) changed in a way no rule describes. */
function reportUnclassifiedOperations(
  base: OpenApiDocument,
  head: OpenApiDocument,
  pairs: ReturnType<typeof matchOperations>["pairs"],
  collector: ChangeCollector,
): void {
  const changed = new Set(diffOperations(base, head).changed.map((ref) => ref.label));
  for (const pair of pairs) {
    const scope = scopeOf(pair.head);
    if (!changed.has(scope.operationId) || collector.countFor(scope.operationId) > 0) continue;
    collector.report(scope, "operation-changed-unclassified", {
      pointer: pair.head.pointer,
      message: "the operation or a component it uses changed (extensions, examples or keywords no rule covers)",
    });
  }
}

function diffDocumentLevel(base: OpenApiDocument, head: OpenApiDocument, collector: ChangeCollector): void {
  if (!sameJson(base.servers, head.servers)) {
    collector.report(DOCUMENT_SCOPE, "servers-changed", { pointer: "/servers", message: "servers changed", before: base.servers, after: head.servers });
  }
  if (collector.changes.length === 0 && !sameJson(base, head)) {
    collector.report(DOCUMENT_SCOPE, "document-changed-unclassified", {
      pointer: "",
      message: "the documents differ outside every operation (info, unused components, extensions)",
    });
  }
}
