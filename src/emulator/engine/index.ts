/**
 * The generic engine: one handler per operation of the served spec, from
 * its resource family (scripts/lib/model/shapes/families.ts). Layers (ARTU's
 * migrate, promote, links, sync rules…) are handlers by operationId that win
 * over the engine's. An operation that no family places answers statelessly
 * from its response schema and is listed with the reason; only an operation
 * without any success response is left out (the server answers 501).
 */
import type { FamilyOperation, FamilyRole } from "../../../scripts/lib/model/shapes/families";
import type { Handler, HandlerTable } from "../handlers/context";
import type { ServedSpec, SpecOperation } from "../spec-operations";
import { batchCreate, batchUpdate, batchUpsert } from "./batches";
import { planOf, type CollectionFacts, type EnginePlan } from "./plan";
import { count, list, retrieve, retrieveByExternalId, retrieveByMetadata } from "./reads";
import { createSampler } from "./samples";
import { statelessHandler } from "./stateless";
import { sync } from "./sync";
import type { SyncPlannerShape } from "../../../scripts/lib/model/types";
import { action, create, remove, replace, update, upsertByExternalId } from "./writes";

const ROLES: Readonly<Record<Exclude<FamilyRole, "sync">, (plan: EnginePlan) => Handler>> = {
  create,
  retrieve,
  update,
  replace,
  delete: remove,
  list,
  count,
  batchCreate,
  batchUpdate,
  batchUpsert,
  upsertByExternalId,
  retrieveByExternalId,
  retrieveByMetadata,
  action,
};

/** An operation answered without state, and why. */
export interface UnmodelledOperation {
  readonly operationId: string;
  readonly reason: string;
}

export interface Engine {
  readonly handlers: HandlerTable;
  /** Sorted by operationId: the operations answering statelessly (or 501 without a success response). */
  readonly unmodelled: readonly UnmodelledOperation[];
}

export function buildEngine(served: ServedSpec, spec: object, layers: HandlerTable, hasSuccess: (operation: SpecOperation) => boolean): Engine {
  const sampler = createSampler(spec);
  const handlers: Record<string, Handler> = Object.create(null);
  const unmodelled: UnmodelledOperation[] = [];
  const unplaced = new Map(served.families.unplaced.map((entry) => [entry.operationId, entry.reason]));
  const facts = collectionFacts(served);
  const syncShapes = new Map(served.model.operations.flatMap((op) => (op.shapes.syncPlanner ? [[op.operationId, op.shapes.syncPlanner] as const] : [])));
  for (const operation of served.operations) {
    const { operationId } = operation;
    if (Object.hasOwn(layers, operationId)) {
      handlers[operationId] = layers[operationId]!;
      continue;
    }
    const family = served.families.placed.get(operationId);
    const generic = family && genericHandler(family, planOf(family, operation, sampler, facts), syncShapes.get(operationId));
    if (generic) {
      handlers[operationId] = generic;
    } else if (hasSuccess(operation)) {
      handlers[operationId] = statelessHandler(operation, sampler);
      unmodelled.push({ operationId, reason: `stateless: ${unplaced.get(operationId) ?? "no engine role"}` });
    } else {
      unmodelled.push({ operationId, reason: "501: the operation declares no success response" });
    }
  }
  return { handlers, unmodelled: unmodelled.sort((a, b) => (a.operationId < b.operationId ? -1 : 1)) };
}

function genericHandler(family: FamilyOperation, plan: EnginePlan, syncShape: SyncPlannerShape | undefined): Handler | undefined {
  if (family.role !== "sync") return ROLES[family.role](plan);
  return syncShape ? sync(plan, syncShape) : undefined;
}

const CREATING: ReadonlySet<FamilyRole> = new Set(["create", "batchCreate", "upsertByExternalId", "batchUpsert", "sync"]);

/** Per collection: the parent parameters its sub-collections use, and whether any operation creates its records. */
function collectionFacts(served: ServedSpec): CollectionFacts {
  const parentParams = new Map<string, string[]>();
  const creatable = new Set<string>();
  for (const { collection, parent, role } of served.families.placed.values()) {
    if (CREATING.has(role)) creatable.add(collection);
    if (parent && !parentParams.get(collection)?.includes(parent.param)) parentParams.set(collection, [...(parentParams.get(collection) ?? []), parent.param].sort());
  }
  return { parentParams, creatable };
}
