/**
 * Plain data (strings, numbers, booleans, arrays, objects) as TypeScript
 * literal text, for the descriptor constants. Object keys keep their order
 * (the model's order is deterministic) and are quoted only when they must be.
 * A `Raw` value is inserted as written (an identifier such as a descriptor).
 */
import { propertyKey } from "../model/names";

export class Raw {
  constructor(readonly code: string) {}
}

export function literal(value: unknown): string {
  if (value instanceof Raw) return value.code;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${literal(item)}`).join(", ")} }`;
  }
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
    return JSON.stringify(value);
  }
  throw new Error(`cannot write ${String(value)} as a literal`);
}
