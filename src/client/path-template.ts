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
 * The path with every parameter filled in. A missing or empty value, or one
 * that is a dot segment, is an error naming the parameter: "/clients//promote"
 * or "/clients/p/.." (which URL parsing turns into "/clients/p/") would reach
 * another route, or none.
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
    const text = String(value);
    // Only a value with "." or "%" can be a dot segment: one scan each keeps ordinary ids off the slow check.
    if ((text.includes(".") || text.includes("%")) && hasDotSegment(text)) {
      throw new ArtuError(
        `${operationId}: path parameter "${name}" is ${JSON.stringify(text)}, a "." or ".." segment (possibly percent-encoded) ` +
          `that would make the URL reach another path; nothing was sent`,
      );
    }
    path += encodeURIComponent(text) + literals[i + 1]!;
  }
  return path;
}

const SEGMENT_SEPARATOR = /[\\/]/;
/** Layers of percent-encoding undone when looking for a dot segment ("%252e" is "%2e" once decoded). */
const MAX_DECODINGS = 3;

/**
 * Whether `value`, or any percent-decoding of it, is "." or "..", or has such
 * a segment between slashes or backslashes: a server or proxy that decodes
 * "%2F" or "%2e" before routing would otherwise resolve it. encodeURIComponent
 * leaves "." as is, so the check cannot be left to encoding.
 */
export function hasDotSegment(value: string): boolean {
  let current = value;
  for (let decodings = 0; ; decodings++) {
    if (current.split(SEGMENT_SEPARATOR).some((segment) => segment === "." || segment === "..")) return true;
    if (decodings === MAX_DECODINGS || !current.includes("%")) return false;
    const decoded = safeDecode(current);
    if (decoded === current) return false;
    current = decoded;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Not valid percent-encoding as a whole: decode the valid escapes only, as lenient servers do.
    return text.replace(/%[0-9a-f]{2}/gi, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
  }
}
