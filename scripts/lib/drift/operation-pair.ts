/** One operation seen in both documents, with everything the per-operation rules need. */
import type { OperationRefLike } from "./change";
import type { ChangeCollector } from "./collector";
import type { SchemaDiffContext } from "./diff-schema";
import type { OperationEntry } from "../spec/operations";
import type { Side } from "./diff-schema";

export interface OperationPair {
  readonly base: OperationEntry;
  readonly head: OperationEntry;
}

export interface PairContext extends SchemaDiffContext {
  readonly pair: OperationPair;
  readonly scope: OperationRefLike;
  readonly collector: ChangeCollector;
  readonly base: Side;
  readonly head: Side;
}

export function scopeOf(entry: OperationEntry): OperationRefLike {
  return { operationId: entry.label, method: entry.method, path: entry.path };
}
