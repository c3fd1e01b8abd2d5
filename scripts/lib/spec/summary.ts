/**
 * What a pull changes, by operation: added, removed, or changed against the
 * previous snapshot. An operation is identified by its operationId (or
 * `METHOD /path`); it counts as changed when its method, path, definition,
 * path-level parameters or any component it reaches through `$ref` differs.
 */
import type { OpenApiDocument } from "./load";
import { serializeNormalized } from "./normalize";
import { listOperations, type OperationEntry } from "./operations";
import { resolvePointer } from "./pointer";
import { walkRefs } from "./refs";

export interface OperationRef {
  readonly label: string;
  readonly method: string;
  readonly path: string;
}

export interface OperationDiff {
  readonly added: OperationRef[];
  readonly removed: OperationRef[];
  readonly changed: OperationRef[];
  readonly total: number;
}

export function diffOperations(previous: OpenApiDocument | undefined, next: OpenApiDocument): OperationDiff {
  const before = fingerprints(previous);
  const after = fingerprints(next);
  const added: OperationRef[] = [];
  const changed: OperationRef[] = [];
  for (const [label, entry] of after) {
    const old = before.get(label);
    if (!old) added.push(entry.ref);
    else if (old.fingerprint !== entry.fingerprint) changed.push(entry.ref);
  }
  const removed = [...before].filter(([label]) => !after.has(label)).map(([, entry]) => entry.ref);
  return { added, removed, changed, total: after.size };
}

export function hasOperationChanges(diff: OperationDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

export function formatSummary(diff: OperationDiff, documentCount: number): string {
  const lines = [
    `${documentCount} document(s), ${diff.total} operation(s): ` +
      `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
  ];
  const describe = (mark: string) => (ref: OperationRef) => `  ${mark} ${ref.label} (${ref.method.toUpperCase()} ${ref.path})`;
  lines.push(...diff.added.map(describe("+")), ...diff.removed.map(describe("-")), ...diff.changed.map(describe("~")));
  return `${lines.join("\n")}\n`;
}

interface Fingerprinted {
  readonly ref: OperationRef;
  readonly fingerprint: string;
}

function fingerprints(document: OpenApiDocument | undefined): Map<string, Fingerprinted> {
  const result = new Map<string, Fingerprinted>();
  if (!document) return result;
  for (const entry of listOperations(document)) {
    result.set(entry.label, {
      ref: { label: entry.label, method: entry.method, path: entry.path },
      fingerprint: fingerprint(document, entry),
    });
  }
  return result;
}

function fingerprint(document: OpenApiDocument, entry: OperationEntry): string {
  const own = { method: entry.method, path: entry.path, operation: entry.operation, parameters: entry.pathItem.parameters };
  return serializeNormalized({ ...own, reached: reachableRefs(document, own) });
}

/** Every local `$ref` target reachable from `root`, keyed by reference. */
function reachableRefs(document: OpenApiDocument, root: unknown): Record<string, unknown> {
  const reached: Record<string, unknown> = {};
  const pending = [root];
  while (pending.length > 0) {
    for (const { ref } of walkRefs(pending.pop())) {
      if (ref in reached || !ref.startsWith("#")) continue;
      const target = resolveLocal(document, ref);
      reached[ref] = target ?? null;
      pending.push(target);
    }
  }
  return reached;
}

/** The target of a local reference, `undefined` when it is malformed or dangling. */
function resolveLocal(document: OpenApiDocument, ref: string): unknown {
  try {
    return resolvePointer(document, decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
}
