/**
 * An operation's parameters as generated methods take them: one flat object of
 * path, query and header parameters. Path-item parameters apply unless the
 * operation redefines the same name + location (OpenAPI's override rule);
 * cookie parameters are not part of the flat object. Two parameters sharing a
 * name across locations cannot share one flat object: that is an error.
 */
import { SpecError } from "../spec/errors";
import { child, resolve, type Located, type SchemaContext } from "./schema-view";
import type { ParameterLocation, ParameterModel } from "./types";

const FLAT_LOCATIONS: readonly string[] = ["path", "query", "header"];

interface RawParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly pointer: string;
}

function readParameters(context: SchemaContext, list: Located): RawParameter[] {
  if (!Array.isArray(list.value)) return [];
  return list.value.map((_, index) => {
    const parameter = resolve(context, child(list, index));
    const value = parameter.value as { name?: unknown; in?: unknown; required?: unknown } | null;
    if (value === null || typeof value !== "object" || typeof value.name !== "string" || typeof value.in !== "string") {
      throw new SpecError(
        { source: context.source, pointer: parameter.pointer, operation: context.operation },
        'a parameter needs a string "name" and "in"',
      );
    }
    return { name: value.name, in: value.in, required: value.required === true || value.in === "path", pointer: parameter.pointer };
  });
}

export function operationParameters(context: SchemaContext, pathItem: Located, operation: Located): ParameterModel[] {
  const own = readParameters(context, child(operation, "parameters"));
  const inherited = readParameters(context, child(pathItem, "parameters")).filter(
    (shared) => !own.some((parameter) => parameter.name === shared.name && parameter.in === shared.in),
  );
  const flat = [...inherited, ...own].filter((parameter) => FLAT_LOCATIONS.includes(parameter.in));
  const byName = new Map<string, RawParameter>();
  for (const parameter of flat) {
    const earlier = byName.get(parameter.name);
    if (earlier) {
      const problem =
        earlier.in === parameter.in
          ? `${parameter.in} parameter "${parameter.name}" is defined twice`
          : `parameter "${parameter.name}" is both a ${earlier.in} and a ${parameter.in} parameter: ` +
            "generated methods take path, query and header parameters as one flat object, so their names must differ";
      throw new SpecError({ source: context.source, pointer: parameter.pointer, operation: context.operation }, problem);
    }
    byName.set(parameter.name, parameter);
  }
  return flat.map(({ name, in: location, required, pointer }) => ({
    name,
    in: location as ParameterLocation,
    required,
    pointer,
  }));
}
