/**
 * The JSON Schema (2020-12) and OpenAPI 3.x schema keywords the reader
 * understands, by what they do. A keyword outside these lists (and not an
 * `x-` extension) is reported by the reader as unknown, never dropped.
 */

/** Upper bounds: lowering or adding one narrows what is valid. */
export const UPPER_BOUNDS = ["maxItems", "maxLength", "maximum", "exclusiveMaximum", "maxProperties", "maxContains"] as const;
/** Lower bounds: raising or adding one narrows what is valid. */
export const LOWER_BOUNDS = ["minItems", "minLength", "minimum", "exclusiveMinimum", "minProperties", "minContains"] as const;
export type BoundKeyword = (typeof UPPER_BOUNDS)[number] | (typeof LOWER_BOUNDS)[number];

/** Keywords whose value is one schema (or a boolean schema) that constrains the instance. */
export const SUBSCHEMA_KEYWORDS = ["contains", "propertyNames", "not", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems"] as const;
/** Keywords whose value maps names to schemas. */
export const SCHEMA_MAP_KEYWORDS = ["patternProperties", "dependentSchemas"] as const;

/** Keywords that only document (no effect on validation nor on the generated types). */
export const DOCUMENTATION_KEYWORDS = ["title", "description", "example", "examples", "$comment", "externalDocs", "xml", "deprecated"] as const;

/** Keywords that identify or structure the document rather than constrain a value. */
const STRUCTURAL = ["$ref", "$id", "$schema", "$anchor", "$dynamicAnchor", "$dynamicRef", "$defs", "definitions", "$vocabulary"];

export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set<string>([
  ...STRUCTURAL,
  ...UPPER_BOUNDS,
  ...LOWER_BOUNDS,
  ...SUBSCHEMA_KEYWORDS,
  ...SCHEMA_MAP_KEYWORDS,
  ...DOCUMENTATION_KEYWORDS,
  "type", "enum", "const", "multipleOf", "pattern", "uniqueItems", "required", "dependentRequired",
  "properties", "additionalProperties", "items", "prefixItems", "allOf", "anyOf", "oneOf",
  "format", "contentEncoding", "contentMediaType", "contentSchema", "default", "readOnly", "writeOnly",
  "nullable", "discriminator", "x-extensible-enum",
]);

export function isExtension(keyword: string): boolean {
  return keyword.startsWith("x-") && keyword !== "x-extensible-enum";
}
