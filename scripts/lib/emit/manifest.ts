/**
 * generated/manifest.json: every operation, its generated name and the
 * helpers emitted for it, with each helper's details. Read by docs and drift.
 * Operations sorted by generated name, object keys sorted, 2-space JSON.
 */
import { HELPER_NAMES, type ApiModel, type OperationModel } from "../model/types";
import { serializeNormalized } from "../spec/normalize";

function helperDetails(op: OperationModel): Record<string, unknown> {
  const { paginator, batchChunker, syncPlanner, resultNarrowing } = op.shapes;
  return {
    ...(batchChunker ? { batchChunker: { itemsField: batchChunker.itemsField, maxItems: batchChunker.maxItems } } : {}),
    ...(paginator
      ? { paginator: { cursorIn: paginator.cursorIn, cursorName: paginator.cursorName, ...(paginator.next ? { next: paginator.next.from } : {}) } }
      : {}),
    ...(resultNarrowing ? { resultNarrowing: { discriminant: resultNarrowing.discriminant, variants: resultNarrowing.variants } } : {}),
    ...(syncPlanner
      ? { syncPlanner: { arrays: syncPlanner.arrays.map(({ name, maxItems, creatable }) => ({ name, maxItems, creatable })) } }
      : {}),
  };
}

export function manifestEntry(op: OperationModel): Record<string, unknown> {
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    tag: op.tag ?? null,
    namespace: op.namespace,
    name: op.qualifiedName,
    summary: op.summary ?? null,
    idempotent: op.idempotent,
    helpers: HELPER_NAMES.filter((helper) => op.shapes[helper] !== undefined),
    ...helperDetails(op),
  };
}

export function emitManifest(model: ApiModel): string {
  const operations = [...model.operations]
    .sort((a, b) => (a.qualifiedName < b.qualifiedName ? -1 : a.qualifiedName > b.qualifiedName ? 1 : 0))
    .map(manifestEntry);
  return serializeNormalized({ info: { title: model.title, version: model.version }, operations });
}
