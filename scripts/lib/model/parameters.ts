/**
 * An operation's parameters as generated methods take them: one flat object of
 * path, query and header parameters. Path-item parameters apply unless the
 * operation redefines the same name + location (OpenAPI's override rule);
 * cookie parameters are not part of the flat object.
 *
 * One name in two locations (Kubernetes: `path` as a path and a query
 * parameter) cannot share one flat key. Rule: the first location in the order
 * path, query, header keeps the name; each other one is keyed
 * `<location><Name>` (`queryPath`, `headerId`) and sent under its own name.
 * Operations without such a clash keep the plain flat form.
 */
import { SpecError } from "../spec/errors";
import { camelCase } from "./names";
import { child, resolve, type Located, type SchemaContext } from "./schema-view";
import type { ParameterLocation, ParameterModel } from "./types";

/** In the order that decides which one keeps a shared name. */
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
  const seen = new Set<string>();
  for (const parameter of flat) {
    const key = `${parameter.in}\u0000${parameter.name}`;
    if (seen.has(key)) {
      throw new SpecError(
        { source: context.source, pointer: parameter.pointer, operation: context.operation },
        `${parameter.in} parameter "${parameter.name}" is defined twice`,
      );
    }
    seen.add(key);
  }
  const keeper = (name: string) => FLAT_LOCATIONS.find((location) => flat.some((parameter) => parameter.name === name && parameter.in === location));
  const models = flat.map(({ name, in: location, required, pointer }) => ({
    name,
    flatName: keeper(name) === location ? name : camelCase(`${location} ${name}`),
    in: location as ParameterLocation,
    required,
    pointer,
  }));
  const byFlatName = new Map<string, ParameterModel>();
  for (const parameter of models) {
    const earlier = byFlatName.get(parameter.flatName);
    if (earlier) {
      throw new SpecError(
        { source: context.source, pointer: parameter.pointer, operation: context.operation },
        `the ${parameter.in} parameter "${parameter.name}" would take the params key "${parameter.flatName}", which the ${earlier.in} parameter "${earlier.name}" has`,
      );
    }
    byFlatName.set(parameter.flatName, parameter);
  }
  return models;
}
