/**
 * The query string of a generated method's request, serialized exactly as
 * openapi-fetch's default querySerializer does for `artu.raw` (so both put
 * the same bytes on the wire, test/client/query-string.test.ts compares them),
 * without loading openapi-fetch for it:
 *   primitives   name=value                     (value encodeURIComponent'd)
 *   arrays       name=a&name=b                  (form, exploded; empty arrays left out)
 *   objects      name[key]=value&…              (deepObject)
 * undefined and null values are left out; names are sent as given.
 */
import { ArtuError } from "./errors";

export function serializeQuery(query: Readonly<Record<string, unknown>>, operationId: string): string {
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(value.map((item) => pair(name, item, operationId)).join("&"));
    } else if (typeof value === "object") {
      const members: string[] = [];
      for (const key in value) members.push(pair(`${name}[${key}]`, (value as Record<string, unknown>)[key], operationId));
      parts.push(members.join("&"));
    } else {
      parts.push(pair(name, value, operationId));
    }
  }
  return parts.join("&");
}

/** `name=value`, or "" for a missing value (openapi-fetch keeps the empty part). */
function pair(name: string, value: unknown, operationId: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    throw new ArtuError(`${operationId}: query parameter ${name} holds a nested array or object, which the query string cannot carry`);
  }
  return `${name}=${encodeURIComponent(value as string | number | boolean)}`;
}
