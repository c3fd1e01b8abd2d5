/**
 * A copy of the spec whose nullable schemas offer `null` first, so a
 * required nullable field nobody set samples as `null` (as a server answers
 * an unset `color`) instead of a made-up "string".
 */
import { isPlainObject } from "./records";

export function nullFirst(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullFirst);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: nullFirst(value[key]), enumerable: true, writable: true, configurable: true });
  }
  if (Array.isArray(copy.type) && copy.type.includes("null")) copy.type = ["null", ...copy.type.filter((type) => type !== "null")];
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const members = copy[keyword];
    if (Array.isArray(members)) copy[keyword] = [...members.filter(isNullSchema), ...members.filter((member) => !isNullSchema(member))];
  }
  return copy;
}

const isNullSchema = (schema: unknown): boolean => isPlainObject(schema) && schema.type === "null" && Object.keys(schema).length === 1;
