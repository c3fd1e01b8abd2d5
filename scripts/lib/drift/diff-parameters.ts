/**
 * Parameters (path + query + header + cookie) of one operation: path-level
 * ones merged with the operation's own (which override them by `in` + name),
 * `$ref`s followed. Generated methods take them as one flat object, so a
 * parameter moving from query to header changes the wire only.
 */
import type { OperationEntry } from "../spec/operations";
import { deref } from "../spec/refs";
import { diffSchema, type Side } from "./diff-schema";
import type { PairContext } from "./operation-pair";

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description: unknown;
  readonly schema: unknown;
  /** Where the (resolved) parameter object lives. */
  readonly pointer: string;
}

export function effectiveParameters(side: Side, entry: OperationEntry): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const collect = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const { value, pointer } = deref<Record<string, unknown>>(side.document, raw, { source: side.source, pointer: `${at}/parameters/${index}` });
      const name = String(value.name);
      const location = String(value.in);
      byKey.set(`${location}:${name}`, {
        name,
        in: location,
        required: value.required === true,
        deprecated: value.deprecated === true,
        description: value.description,
        schema: value.schema,
        pointer,
      });
    });
  };
  collect(entry.pathItem.parameters, entry.pointer.replace(/\/[^/]+$/, ""));
  collect(entry.operation.parameters, entry.pointer);
  return [...byKey.values()];
}

const label = (parameter: Parameter) => `${parameter.in} parameter \`${parameter.name}\``;

export function diffParameters(ctx: PairContext): void {
  const old = effectiveParameters(ctx.base, ctx.pair.base);
  const now = effectiveParameters(ctx.head, ctx.pair.head);
  const report = (id: string, pointer: string, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    ctx.collector.report(ctx.scope, id, { pointer, message, ...values });
  const find = (list: Parameter[], name: string, location?: string) =>
    list.find((parameter) => parameter.name === name && (location === undefined || parameter.in === location));

  for (const parameter of now) {
    const same = find(old, parameter.name, parameter.in);
    const moved = same ? undefined : find(old, parameter.name);
    const previous = same ?? moved;
    if (!previous) {
      const id = `request-parameter-added-${parameter.required ? "required" : "optional"}`;
      report(id, parameter.pointer, `${label(parameter)} added (${parameter.required ? "required" : "optional"})`, { after: parameter.schema });
      continue;
    }
    if (moved) {
      report("request-parameter-location-changed", parameter.pointer, `parameter \`${parameter.name}\` moved from ${moved.in} to ${parameter.in}`, {
        before: moved.in,
        after: parameter.in,
      });
    }
    if (previous.required !== parameter.required) {
      const id = `request-parameter-became-${parameter.required ? "required" : "optional"}`;
      report(id, parameter.pointer, `${label(parameter)} became ${parameter.required ? "required" : "optional"}`, {
        before: { required: previous.required },
        after: { required: parameter.required },
      });
    }
    if (!previous.deprecated && parameter.deprecated) report("request-parameter-deprecated", parameter.pointer, `${label(parameter)} is deprecated`);
    if (previous.description !== parameter.description) {
      report("description-changed", parameter.pointer, `description of ${label(parameter)} changed`, {
        before: previous.description,
        after: parameter.description,
      });
    }
    if (previous.schema !== undefined && parameter.schema !== undefined) {
      diffSchema(
        ctx,
        "request",
        { origin: label(parameter), field: "" },
        { value: previous.schema, pointer: `${previous.pointer}/schema` },
        { value: parameter.schema, pointer: `${parameter.pointer}/schema` },
      );
    }
  }
  for (const parameter of old) {
    if (find(now, parameter.name)) continue;
    report("request-parameter-removed", parameter.pointer, `${label(parameter)} removed`, { before: parameter.schema });
  }
}
