/** One deterministic order for reports: by level (breaking first), operation, pointer, rule id, message. */
import { levelRank, type Change } from "./change";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareChanges(a: Change, b: Change): number {
  return (
    levelRank(a.level) - levelRank(b.level) ||
    compare(a.operationId, b.operationId) ||
    compare(a.pointer, b.pointer) ||
    compare(a.id, b.id) ||
    compare(a.message, b.message)
  );
}

export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(compareChanges);
}
