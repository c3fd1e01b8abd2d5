/**
 * Plain data (strings, numbers, booleans, arrays, objects) as TypeScript
 * literals, for the descriptor constants: documents (syntax.ts) that
 * prettier's document printer (layout.ts) prints, an object on one line when
 * it fits where it stands and one property per line when not. Object keys keep their order
 * (the model's order is deterministic) and are quoted only when they must be.
 * A `Raw` value is inserted as written (an identifier such as a descriptor).
 */
import { propertyKey } from "../model/names";
import { printDoc } from "./layout";
import {
  arrayLiteral,
  identifier,
  objectLiteral,
  objectType,
  rawType,
  scalarLiteral,
  stringLiteral,
  type ExprDoc,
  type TypeDoc,
} from "./syntax";

export class Raw {
  constructor(readonly code: string) {}
}

type LiteralDoc = ExprDoc & { readonly entries?: number; readonly isObject?: boolean };

/** The value as an expression document. */
export function literalDoc(value: unknown): LiteralDoc {
  if (value instanceof Raw) return identifier(value.code);
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every((item) => typeof item === "number")) {
      // prettier fills arrays of numbers (as many per line as fit): not laid out here; one line, which format.ts
      // hands to prettier when it is too long.
      return { doc: `[${value.map((item) => scalar(item)).join(", ")}]`, kind: "other" };
    }
    return arrayLiteral(value.map(literalDoc));
  }
  if (value !== null && typeof value === "object") {
    const properties = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [propertyKey(key), literalDoc(item)] as const);
    return { ...objectLiteral(properties), isObject: true };
  }
  if (typeof value === "string") return stringLiteral(value);
  return scalarLiteral(scalar(value));
}

function scalar(value: unknown): number | boolean {
  if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw new Error(`cannot write ${String(value)} as a literal`);
}

/** The same data as a TypeScript type (`{ a: "x"; b: 1 }`). */
export function typeLiteralDoc(value: unknown): TypeDoc {
  if (Array.isArray(value) || value instanceof Raw) throw new Error("typeLiteralDoc: objects and scalars only");
  if (value !== null && typeof value === "object") {
    return objectType(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [propertyKey(key), typeLiteralDoc(item)] as const),
    );
  }
  return rawType(JSON.stringify(typeof value === "string" ? value : scalar(value)));
}

/** The value as literal text, laid out as prettier would at the start of a line. */
export function literal(value: unknown): string {
  return printDoc(literalDoc(value).doc);
}
