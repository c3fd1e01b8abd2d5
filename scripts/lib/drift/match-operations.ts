/**
 * Pairs the operations of two documents. An operation keeps its identity
 * through a path change when its operationId stays (a wire change), and
 * through an operationId change when its method and path stay (an SDK
 * change: generated names derive from the operationId). Path templates are
 * compared with their parameter names blanked, so renaming `{id}` to
 * `{clientId}` is a parameter change, not a new path.
 */
import type { OpenApiDocument } from "../spec/load";
import { listOperations, type OperationEntry } from "../spec/operations";
import type { OperationPair } from "./operation-pair";

export interface OperationMatch {
  readonly pairs: OperationPair[];
  readonly added: OperationEntry[];
  readonly removed: OperationEntry[];
}

export function templateOf(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

function operationId(entry: OperationEntry): string | undefined {
  const id = entry.operation.operationId;
  return typeof id === "string" ? id : undefined;
}

const routeOf = (entry: OperationEntry) => `${entry.method} ${templateOf(entry.path)}`;

export function matchOperations(base: OpenApiDocument, head: OpenApiDocument): OperationMatch {
  const left = listOperations(base);
  const right = listOperations(head);
  const pairs: OperationPair[] = [];
  const takenRight = new Set<OperationEntry>();
  const unpaired: OperationEntry[] = [];
  const byId = new Map(right.filter((entry) => operationId(entry) !== undefined).map((entry) => [operationId(entry)!, entry]));
  for (const entry of left) {
    const id = operationId(entry);
    const partner = id === undefined ? undefined : byId.get(id);
    if (partner) {
      pairs.push({ base: entry, head: partner });
      takenRight.add(partner);
    } else unpaired.push(entry);
  }
  const removed: OperationEntry[] = [];
  for (const entry of unpaired) {
    const partner = right.find((other) => !takenRight.has(other) && routeOf(other) === routeOf(entry));
    if (partner) {
      pairs.push({ base: entry, head: partner });
      takenRight.add(partner);
    } else removed.push(entry);
  }
  const added = right.filter((entry) => !takenRight.has(entry));
  return { pairs, added, removed };
}
