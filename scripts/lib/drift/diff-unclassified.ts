/**
 * The last comparison of every schema pair: `readOnly`/`writeOnly`,
 * documentation and extension keywords, and the catch-all. A keyword whose
 * value differs and that no rule covers (including keywords the schema reader
 * does not know) is reported as `schema-keyword-changed-unclassified`, a
 * warning naming the keyword and its pointer, never dropped.
 */
import { sameJson } from "../spec/normalize";
import { DOCUMENTATION_KEYWORDS, isExtension, LOWER_BOUNDS, SCHEMA_MAP_KEYWORDS, SUBSCHEMA_KEYWORDS, UPPER_BOUNDS } from "../model/schema";
import type { SchemaPair } from "./diff-schema";
import { kebab } from "./rules";

/** Keywords some rule of diff-schema, diff-bounds or diff-subschemas compares. */
const COMPARED = new Set<string>([
  ...UPPER_BOUNDS, ...LOWER_BOUNDS, ...SUBSCHEMA_KEYWORDS, ...SCHEMA_MAP_KEYWORDS,
  "$ref", "type", "nullable", "enum", "const", "format", "default", "pattern", "multipleOf", "uniqueItems",
  "dependentRequired", "x-extensible-enum", "discriminator", "anyOf", "oneOf", "allOf", "properties", "required",
  "items", "prefixItems", "additionalProperties", "readOnly", "writeOnly", "title", "description",
]);

export function compareUnclassified(pair: SchemaPair): void {
  const { before, after, direction, where, report } = pair;
  for (const flag of ["readOnly", "writeOnly"] as const) {
    const old = before.keywords[flag] === true;
    const now = after.keywords[flag] === true;
    if (old !== now) report(`${direction}-${kebab(flag)}-${now ? "added" : "removed"}`, `${where} ${now ? "became" : "is no longer"} ${flag}`, { before: old, after: now });
  }
  const keywords = [...new Set([...Object.keys(before.keywords), ...Object.keys(after.keywords)])].sort();
  for (const keyword of keywords) {
    if (COMPARED.has(keyword)) continue;
    const old = before.keywords[keyword];
    const now = after.keywords[keyword];
    if (sameJson(old, now) && (old === undefined) === (now === undefined)) continue;
    const pointer = `${keyword in after.keywords ? after.pointer : before.pointer}/${keyword.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const values = { before: old, after: now };
    if (keyword === "deprecated") report("schema-deprecated-changed", `${where} ${now === true ? "is now deprecated" : "is no longer deprecated"}`, values);
    else if ((DOCUMENTATION_KEYWORDS as readonly string[]).includes(keyword)) report("schema-documentation-changed", `\`${keyword}\` of ${where} changed`, values);
    else if (isExtension(keyword)) report("extension-changed", `extension \`${keyword}\` of ${where} changed (at ${pointer})`, values);
    else report("schema-keyword-changed-unclassified", `keyword \`${keyword}\` of ${where} changed at ${pointer}; no rule covers it`, values);
  }
}
