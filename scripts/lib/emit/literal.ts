/**
 * Plain data (strings, numbers, booleans, arrays, objects) as TypeScript
 * literal text, for the descriptor constants. Object keys keep their order
 * (the model's order is deterministic) and are quoted only when they must be.
 * A `Raw` value is inserted as written (an identifier such as a descriptor).
 *
 * An object too long for one line in any context (over prettier's print
 * width on its own) is written one property per line, as prettier would
 * print it, so that a statement holding it is usually left as is by the
 * formatter (format.ts) instead of going through prettier.
 */
import { propertyKey } from "../model/names";
import { PRETTIER_OPTIONS } from "./format";

export class Raw {
  constructor(readonly code: string) {}
}

export function literal(value: unknown): string {
  return written(value, ",");
}

/** The same data as a TypeScript type literal (`{ a: "x"; b: 1 }`): members separated by `;`, as prettier prints types. */
export function typeLiteral(value: unknown): string {
  return written(value, ";");
}

function written(value: unknown, separator: "," | ";"): string {
  if (value instanceof Raw) return value.code;
  if (Array.isArray(value)) return `[${value.map((item) => written(item, separator)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const properties = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${propertyKey(key)}: ${written(item, separator)}`);
    const inline = `{ ${properties.join(`${separator} `)} }`;
    if (inline.length <= PRETTIER_OPTIONS.printWidth) return inline;
    return `{\n${properties.map((property) => `  ${property.replaceAll("\n", "\n  ")}${separator}\n`).join("")}}`;
  }
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
    return JSON.stringify(value);
  }
  throw new Error(`cannot write ${String(value)} as a literal`);
}
