/**
 * Sync operations (ARCHITECTURE.md, "Helper shapes"): a JSON request body
 * object with one or more array properties whose items are objects with an
 * optional boolean `_delete` and an `id` (optional → the API creates items
 * through sync; required → it cannot). Writable fields are the item's
 * properties (union over anyOf/oneOf variants, allOf merged) without `id` and
 * `_delete`, sorted. Non-array object properties with declared properties are
 * plain objects; path parameters and scalar body properties (other than the
 * boolean `replaceMode` switch) are the context every request needs.
 */
import {
  arrayView,
  isBooleanSchema,
  isScalarSchema,
  objectView,
  type Located,
  type ObjectView,
  type SchemaContext,
} from "../schema-view";
import type { ParameterModel, SyncPlannerShape } from "../types";

const ID_FIELD = "id";
const DELETE_FIELD = "_delete";
const REPLACE_MODE_FIELD = "replaceMode";

/** Arrays without a declared bound are planned as one request: the largest count JSON represents exactly. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

function sortedFields(view: ObjectView, without: readonly string[] = []): string[] {
  return [...view.properties.keys()].filter((name) => !without.includes(name)).sort();
}

function isSyncItem(context: SchemaContext, item: ObjectView): boolean {
  const deleteFlag = item.properties.get(DELETE_FIELD);
  return (
    item.properties.has(ID_FIELD) &&
    deleteFlag !== undefined &&
    !item.required.has(DELETE_FIELD) &&
    isBooleanSchema(context, deleteFlag)
  );
}

export function detectSync(
  context: SchemaContext,
  requestBody: Located | undefined,
  parameters: readonly ParameterModel[],
): SyncPlannerShape | undefined {
  if (!requestBody) return undefined;
  const body = objectView(context, requestBody);
  const arrays: SyncPlannerShape["arrays"][number][] = [];
  const objects: SyncPlannerShape["objects"][number][] = [];
  const scalars: string[] = [];
  let replaceModeField: string | undefined;

  for (const [name, property] of body.properties) {
    const array = arrayView(context, property);
    if (array) {
      const item = objectView(context, array.items);
      if (!isSyncItem(context, item)) continue;
      arrays.push({
        name,
        maxItems: array.maxItems ?? UNBOUNDED,
        idField: ID_FIELD,
        deleteField: DELETE_FIELD,
        writableFields: sortedFields(item, [ID_FIELD, DELETE_FIELD]),
        creatable: !item.required.has(ID_FIELD),
      });
    } else if (name === REPLACE_MODE_FIELD && isBooleanSchema(context, property)) {
      replaceModeField = name;
    } else if (isScalarSchema(context, property)) {
      scalars.push(name);
    } else {
      const object = objectView(context, property);
      if (object.properties.size > 0) objects.push({ name, writableFields: sortedFields(object) });
    }
  }
  if (arrays.length === 0) return undefined;
  const context_ = [
    ...parameters.filter((parameter) => parameter.in === "path").map(({ name }) => ({ name, in: "path" as const })),
    ...scalars.map((name) => ({ name, in: "body" as const })),
  ];
  return { arrays, objects, ...(replaceModeField ? { replaceModeField } : {}), context: context_ };
}
