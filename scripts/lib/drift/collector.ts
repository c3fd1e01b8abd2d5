/**
 * Collects the changes found while diffing one operation (or the document):
 * level, axis and action come from the rule catalog, the location from the
 * caller. The same rule at the same pointer is reported once per operation,
 * however many paths through the schemas reach it.
 */
import { sortKeysDeep } from "../spec/normalize";
import type { Change, OperationRefLike } from "./change";
import { ruleFor } from "./rules";

export interface Finding {
  readonly pointer: string;
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export class ChangeCollector {
  readonly #changes: Change[] = [];
  readonly #seen = new Set<string>();

  report(scope: OperationRefLike, id: string, finding: Finding): void {
    const key = `${scope.operationId}\u0000${id}\u0000${finding.pointer}\u0000${finding.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const { level, axis, action } = ruleFor(id);
    this.#changes.push({
      id,
      level,
      axis,
      operationId: scope.operationId,
      method: scope.method,
      path: scope.path,
      pointer: finding.pointer,
      message: finding.message,
      // Values keep no key order of their own: the report must not depend on how the spec was written.
      ...(finding.before !== undefined ? { before: sortKeysDeep(finding.before) } : {}),
      ...(finding.after !== undefined ? { after: sortKeysDeep(finding.after) } : {}),
      action,
    });
  }

  countFor(operationId: string): number {
    return this.#changes.filter((change) => change.operationId === operationId).length;
  }

  get changes(): readonly Change[] {
    return this.#changes;
  }
}
