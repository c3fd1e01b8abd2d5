/**
 * Path templates compiled once per operation ("/clients/{id}/promote" →
 * literal and parameter parts), expanded per request with
 * encodeURIComponent, as openapi-fetch's default path serializer does, so the
 * generated methods and `artu.raw` put the same bytes on the wire.
 */
import { ArtuError } from "./errors";

export interface CompiledPath {
  /** Literal parts; `literals[i]` precedes `names[i]`, the last literal ends the path. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

export function compilePath(template: string): CompiledPath {
  const literals: string[] = [];
  const names: string[] = [];
  let rest = template;
  for (let open = rest.indexOf("{"); open !== -1; open = rest.indexOf("{")) {
    const close = rest.indexOf("}", open);
    if (close === -1) throw new ArtuError(`path template ${JSON.stringify(template)} has an unclosed "{"`);
    literals.push(rest.slice(0, open));
    names.push(rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  literals.push(rest);
  return { literals, names };
}

/**
 * The path with every parameter filled in. A missing or empty value is an
 * error naming the parameter: sending "/clients//promote" would reach another
 * route, or none.
 */
export function expandPath(
  compiled: CompiledPath,
  params: Readonly<Record<string, unknown>> | undefined,
  operationId: string,
): string {
  const { literals, names } = compiled;
  let path = literals[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = params?.[name];
    if (value === undefined || value === null || value === "") {
      throw new ArtuError(
        `${operationId}: path parameter "${name}" is required and was ${value === "" ? "an empty string" : String(value)}`,
      );
    }
    if (typeof value === "object") {
      throw new ArtuError(`${operationId}: path parameter "${name}" must be a string or number, got an object`);
    }
    path += encodeURIComponent(value as string | number | boolean) + literals[i + 1]!;
  }
  return path;
}
