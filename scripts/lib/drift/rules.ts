/**
 * Every rule drift knows, by id: its level, its axis, a human title for the
 * report and what a user of the package has to do. Rules that depend on the
 * direction of the data carry it in their id (`request-…` / `response-…`), so
 * one id always means one level and one axis.
 */
import type { Axis, Level } from "./change";
import { LOWER_BOUNDS, UPPER_BOUNDS } from "../model/schema/keywords";

export interface Rule {
  readonly level: Level;
  readonly axis: Axis;
  readonly title: string;
  readonly action: string;
  /** Only documentation changed: a patch release at most. */
  readonly docsOnly?: boolean;
}

const rule = (level: Level, axis: Axis, title: string, action: string, docsOnly = false): Rule => ({
  level,
  axis,
  title,
  action,
  ...(docsOnly ? { docsOnly } : {}),
});

const NOTHING = "Nothing to do.";
const TIGHTER_REQUEST = "Check that the values you send satisfy the new limit; the server rejects the others.";
const LOOSER_RESPONSE = "Do not rely on the old limit when reading this value: the server may now return values outside it.";

export { LOWER_BOUNDS, UPPER_BOUNDS, type BoundKeyword } from "../model/schema/keywords";

export function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function boundRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const upper = (UPPER_BOUNDS as readonly string[]).includes(keyword);
    const name = kebab(keyword);
    // For an upper bound, lowering or adding it tightens; for a lower bound, raising or adding it does.
    const tightening = upper ? ["decreased", "added"] : ["increased", "added"];
    for (const how of ["increased", "decreased", "added", "removed"]) {
      const tighter = tightening.includes(how);
      rules[`request-${name}-${how}`] = tighter
        ? rule("breaking", "wire", `Request \`${keyword}\` ${how} (tighter)`, TIGHTER_REQUEST)
        : rule("info", "wire", `Request \`${keyword}\` ${how} (looser)`, NOTHING);
      rules[`response-${name}-${how}`] = tighter
        ? rule("info", "wire", `Response \`${keyword}\` ${how} (tighter)`, NOTHING)
        : rule("warning", "wire", `Response \`${keyword}\` ${how} (looser)`, LOOSER_RESPONSE);
    }
  }
  return rules;
}

/**
 * Keywords the generated types do not carry, with a subschema as value
 * (`contains`, `not`, `propertyNames`, `patternProperties/<p>`, …): adding
 * one narrows what is valid, removing one widens it, and a changed one is
 * compared like a schema of its own to tell tightening from loosening.
 * `patternProperties` and `additionalProperties` do reach the types (an
 * index signature); when the object declares properties of other types the
 * sdk-check may see a type change these wire-only rules do not rate (documented
 * disagreement: the wire verdict is the one users act on).
 */
function subschemaRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const [keyword, name] of SUBSCHEMA_RULE_NAMES) {
    rules[`request-${name}-added`] = rule("breaking", "wire", `Request \`${keyword}\` added (tighter)`, TIGHTER_REQUEST);
    rules[`request-${name}-tightened`] = rule("breaking", "wire", `Request \`${keyword}\` tightened`, TIGHTER_REQUEST);
    rules[`request-${name}-removed`] = rule("info", "wire", `Request \`${keyword}\` removed (looser)`, NOTHING);
    rules[`request-${name}-loosened`] = rule("info", "wire", `Request \`${keyword}\` loosened`, NOTHING);
    rules[`response-${name}-added`] = rule("info", "wire", `Response \`${keyword}\` added (tighter)`, NOTHING);
    rules[`response-${name}-tightened`] = rule("info", "wire", `Response \`${keyword}\` tightened`, NOTHING);
    rules[`response-${name}-removed`] = rule("warning", "wire", `Response \`${keyword}\` removed (looser)`, LOOSER_RESPONSE);
    rules[`response-${name}-loosened`] = rule("warning", "wire", `Response \`${keyword}\` loosened`, LOOSER_RESPONSE);
  }
  return rules;
}

/** Subschema keywords and the name their rule ids use. */
export const SUBSCHEMA_RULE_NAMES: ReadonlyMap<string, string> = new Map(
  ["contains", "propertyNames", "not", "then", "else", "unevaluatedProperties", "unevaluatedItems", "patternProperties", "dependentSchemas", "additionalProperties", "items"].map(
    (keyword) => [keyword, kebab(keyword)],
  ),
);

/** One id per direction for a keyword that only restricts (added: tighter, removed: looser). */
function restrictionRules(keyword: string, name: string): Record<string, Rule> {
  return {
    [`request-${name}-added`]: rule("breaking", "wire", `Request \`${keyword}\` added (tighter)`, TIGHTER_REQUEST),
    [`request-${name}-removed`]: rule("info", "wire", `Request \`${keyword}\` removed (looser)`, NOTHING),
    [`response-${name}-added`]: rule("info", "wire", `Response \`${keyword}\` added (tighter)`, NOTHING),
    [`response-${name}-removed`]: rule("warning", "wire", `Response \`${keyword}\` removed (looser)`, LOOSER_RESPONSE),
  };
}

export const RULES: Readonly<Record<string, Rule>> = {
  // Operations
  "operation-added": rule("info", "both", "Operation added", "Nothing to do; the new method is available after upgrading."),
  "operation-removed": rule(
    "breaking",
    "both",
    "Operation removed",
    "Remove the calls to this method (and its type aliases); it no longer exists in the API or the package.",
  ),
  "operation-id-renamed": rule(
    "breaking",
    "sdk",
    "operationId renamed (same method and path)",
    "Rename your calls and type imports to the new generated names; the HTTP request is unchanged.",
  ),
  "operation-path-renamed": rule(
    "breaking",
    "wire",
    "Path changed (same operationId)",
    "Upgrade the package: the old path no longer answers, the generated method keeps its name and calls the new path.",
  ),
  "operation-method-changed": rule(
    "breaking",
    "wire",
    "HTTP method changed (same operationId)",
    "Upgrade the package: the generated method keeps its name and sends the new HTTP method.",
  ),
  "operation-tag-changed": rule(
    "breaking",
    "sdk",
    "Operation moved to another tag",
    "Call the method through its new namespace (the first tag names it).",
  ),
  "operation-deprecated": rule("warning", "both", "Operation deprecated", "Plan to stop using this method; it may be removed."),
  "operation-undeprecated": rule("info", "both", "Operation no longer deprecated", NOTHING),
  // No rule explains the difference: never quiet (warning, minor bump); the message names keyword and pointer.
  "operation-changed-unclassified": rule(
    "warning",
    "wire",
    "Operation changed (no specific rule)",
    "Review the change in the spec diff at the pointer given; no rule classified it.",
  ),
  "schema-keyword-changed-unclassified": rule(
    "warning",
    "wire",
    "Schema keyword changed (no specific rule)",
    "Review the change of this keyword at the pointer given; no rule classified it.",
  ),
  "summary-changed": rule("info", "sdk", "Summary changed", "Nothing to do (doc comments change).", true),
  "description-changed": rule("info", "sdk", "Description changed", "Nothing to do (doc comments change).", true),

  // Security
  "security-added": rule("breaking", "wire", "Authentication now required", "Configure the credentials the operation now requires."),
  "security-removed": rule("info", "wire", "Authentication no longer required", NOTHING),
  "security-loosened": rule("info", "wire", "Authentication needs fewer scopes or schemes", NOTHING),
  "security-changed": rule("breaking", "wire", "Authentication requirements changed", "Configure the credentials the operation now requires."),
  "security-scheme-changed": rule(
    "breaking",
    "wire",
    "Security scheme definition changed",
    "Check how you pass credentials (header name, scheme) against the new definition.",
  ),

  // Parameters
  "request-parameter-added-required": rule("breaking", "both", "Required parameter added", "Pass the new parameter in every call."),
  "request-parameter-added-optional": rule("info", "both", "Optional parameter added", NOTHING),
  "request-parameter-removed": rule("breaking", "both", "Parameter removed", "Stop passing this parameter; it no longer exists."),
  "request-parameter-became-required": rule("breaking", "both", "Parameter became required", "Pass this parameter in every call."),
  "request-parameter-became-optional": rule("info", "both", "Parameter became optional", NOTHING),
  "request-parameter-location-changed": rule(
    "breaking",
    "wire",
    "Parameter moved (path/query/header)",
    "Upgrade the package: the generated method sends the parameter where the API now expects it.",
  ),
  "request-parameter-deprecated": rule("warning", "both", "Parameter deprecated", "Plan to stop passing this parameter."),

  // Request body
  "request-body-added-required": rule("breaking", "both", "Required request body added", "Pass a body in every call."),
  "request-body-added-optional": rule("info", "both", "Optional request body added", NOTHING),
  "request-body-removed": rule("breaking", "both", "Request body removed", "Stop passing a body."),
  "request-body-became-required": rule("breaking", "both", "Request body became required", "Pass a body in every call."),
  "request-body-became-optional": rule("info", "both", "Request body became optional", NOTHING),
  "request-media-type-added": rule("info", "wire", "Request media type added", NOTHING),
  "request-media-type-removed": rule("breaking", "wire", "Request media type removed", "Send one of the remaining media types."),

  // Responses
  // A new success status adds its body to the generated result type, so old reads of the result stop
  // compiling (issue 14 §2: breaking for the SDK where the types change).
  "response-status-added": rule(
    "breaking",
    "both",
    "Success status added",
    "Handle the new status: the result type now includes its body.",
  ),
  // The new status carries a body the result type already has (the same content as an old success status).
  "response-status-added-same-body": rule(
    "warning",
    "wire",
    "Success status added (a body the result type already has)",
    "Handle the new status where you branch on the status code; the result type is unchanged.",
  ),
  // Removing a success status narrows the result type: old code still compiles, its branch for the
  // status is dead. A behaviour change worth a minor bump, not an SDK break (the oracle confirms).
  "response-status-removed": rule("warning", "both", "Success status removed", "Stop handling this status: the server no longer answers with it."),
  // Error statuses are not part of the generated result type: the client throws for them.
  "response-error-status-added": rule("info", "wire", "Error status added", "Errors with this status now reach your error handling."),
  "response-error-status-removed": rule("info", "wire", "Error status removed", NOTHING),
  "response-media-type-added": rule("info", "wire", "Response media type added", NOTHING),
  "response-media-type-removed": rule("breaking", "wire", "Response media type removed", "Read one of the remaining media types."),

  // Schemas: properties
  "request-property-added-required": rule("breaking", "both", "Required request property added", "Send the new property in every request."),
  "request-property-added-optional": rule("info", "both", "Optional request property added", NOTHING),
  "request-property-removed": rule(
    "breaking",
    "both",
    "Request property removed",
    "Stop sending this property (object literals with it no longer compile).",
  ),
  "request-property-became-required": rule("breaking", "both", "Request property became required", "Send this property in every request."),
  "request-property-became-optional": rule("info", "both", "Request property became optional", NOTHING),
  "response-property-added": rule("info", "both", "Response property added", NOTHING),
  "response-property-removed": rule(
    "breaking",
    "both",
    "Response property removed",
    "Stop reading this property; code that reads it no longer compiles.",
  ),
  "response-property-became-optional": rule(
    "breaking",
    "both",
    "Response property became optional",
    "Handle `undefined` where you read this property.",
  ),
  "response-property-became-required": rule("info", "both", "Response property became required", NOTHING),

  // Schemas: types and nullability
  "request-type-changed": rule("breaking", "both", "Request type changed", "Send values of the new type."),
  "request-type-narrowed": rule("breaking", "both", "Request type narrowed", "Send values of the remaining type(s) only."),
  "request-type-widened": rule("info", "both", "Request type widened", NOTHING),
  "response-type-changed": rule("breaking", "both", "Response type changed", "Read values of the new type."),
  "response-type-widened": rule("breaking", "both", "Response type widened", "Handle the added type(s) where you read this value."),
  "response-type-narrowed": rule("info", "both", "Response type narrowed", NOTHING),
  // `integer` and `number` are both `number` in TypeScript: a change between them is a wire change only.
  "request-type-widened-to-number": rule("info", "wire", "Request `integer` widened to `number`", NOTHING),
  "request-type-narrowed-to-integer": rule("breaking", "wire", "Request `number` narrowed to `integer`", "Send whole numbers only."),
  "response-type-widened-to-number": rule("warning", "wire", "Response `integer` widened to `number`", "Handle fractional values where you read this value."),
  "response-type-narrowed-to-integer": rule("info", "wire", "Response `number` narrowed to `integer`", NOTHING),
  "request-became-nullable": rule("info", "both", "Request value accepts null", NOTHING),
  "request-became-non-nullable": rule("breaking", "both", "Request value no longer accepts null", "Stop sending `null` here."),
  "response-became-nullable": rule("breaking", "both", "Response value became nullable", "Handle `null` where you read this value."),
  "response-became-non-nullable": rule("info", "both", "Response value no longer null", NOTHING),

  // Schemas: enums, const, unions, discriminators
  "request-enum-value-removed": rule("breaking", "both", "Request enum value removed", "Stop sending the removed value."),
  "request-enum-value-added": rule("info", "both", "Request enum value added", NOTHING),
  "request-enum-added": rule("breaking", "both", "Request value restricted to an enum", "Send only the listed values."),
  "request-enum-removed": rule("info", "both", "Request enum restriction removed", NOTHING),
  // The generated type is a union of the enum's literals: a new value is not assignable to the old type.
  "response-enum-value-added": rule(
    "breaking",
    "both",
    "Response enum value added",
    "Handle the new value: exhaustive `switch`es or `Record<…>` maps over this type stop compiling.",
  ),
  "response-enum-value-removed": rule("info", "both", "Response enum value removed", NOTHING),
  "response-enum-added": rule("info", "both", "Response value restricted to an enum", NOTHING),
  "response-enum-removed": rule("warning", "both", "Response enum restriction removed", "Handle any value where you read this field."),
  "request-const-added": rule("breaking", "both", "Request value fixed to a `const`", "Send only the constant value."),
  "request-const-removed": rule("info", "both", "Request `const` removed", NOTHING),
  "response-const-added": rule("info", "both", "Response value fixed to a `const`", NOTHING),
  "response-const-removed": rule("breaking", "both", "Response `const` removed", "Handle any value of the type where you compared with the constant."),
  "request-extensible-enum-value-removed": rule("breaking", "wire", "Request `x-extensible-enum` value removed", "Stop sending the removed value."),
  "request-extensible-enum-value-added": rule("info", "wire", "Request `x-extensible-enum` value added", NOTHING),
  // An extensible enum promises unknown values may appear, and its type is a plain string: nothing breaks.
  "response-extensible-enum-value-added": rule("info", "wire", "Response `x-extensible-enum` value added", NOTHING),
  "response-extensible-enum-value-removed": rule("info", "wire", "Response `x-extensible-enum` value removed", NOTHING),
  "const-changed": rule("breaking", "both", "`const` changed", "Use the new constant value (comparisons against the old one no longer compile)."),
  // Wire only: the generated union is a plain anyOf whose variants pin their own `const` values, so a
  // new discriminator property leaves the types as they were; readers dispatching on it must change.
  "discriminator-changed": rule("breaking", "wire", "Discriminator changed", "Narrow the union on the new discriminator property/values."),
  // openapi-typescript pins a variant's discriminator property to its name: narrower in a request, and
  // in a response (narrower is compatible there) harmless; removing it widens a response property.
  "discriminator-added-types-unchanged": rule("info", "both", "Discriminator added or removed; every variant already pins it", NOTHING),
  "request-discriminator-added": rule("breaking", "both", "Request discriminator added", "Set the discriminator property of every variant you send."),
  "request-discriminator-removed": rule("info", "both", "Request discriminator removed", NOTHING),
  "response-discriminator-added": rule("info", "both", "Response discriminator added", NOTHING),
  // Only reported where the variants do not pin the property themselves: the generated property widens.
  "response-discriminator-removed": rule("breaking", "both", "Response discriminator removed", "Narrow the union without relying on the discriminator mapping."),
  // anyOf ↔ oneOf: the same TypeScript union; on the wire `oneOf` rejects a value several variants match.
  "request-union-became-exclusive": rule(
    "breaking",
    "wire",
    "Request union became `oneOf` with overlapping variants",
    "Send values that match exactly one variant; a value matching several is now rejected.",
  ),
  "request-union-became-inclusive": rule("info", "wire", "Request union became `anyOf`", NOTHING),
  "response-union-became-exclusive": rule("info", "wire", "Response union became `oneOf`", NOTHING),
  "response-union-became-inclusive": rule("warning", "wire", "Response union became `anyOf` with overlapping variants", "Do not assume a value matches exactly one variant."),
  "request-union-variant-added": rule("info", "both", "Request union variant added", NOTHING),
  "request-union-variant-removed": rule("breaking", "both", "Request union variant removed", "Stop sending the removed shape."),
  // The new variant widens the generated union: it is not assignable to the old result type.
  "response-union-variant-added": rule(
    "breaking",
    "both",
    "Response union variant added",
    "Handle the new variant: exhaustive narrowing (switch on the discriminant, `match…` helpers) stops compiling or falls through.",
  ),
  // Deliberate disagreement with --sdk-check: the union narrows (every old read compiles), but when the
  // union is an operation's result, the generated narrowing helper of the removed variant disappears.
  // The rule cannot tell a result union from a nested one, and a nested one generates no helper; the
  // helper's removal is listed in scripts/lib/drift/oracle-explained.ts.
  "response-union-variant-removed": rule("info", "both", "Response union variant removed", NOTHING),

  // Schemas: other keywords
  "request-pattern-added": rule("breaking", "wire", "Request `pattern` added", TIGHTER_REQUEST),
  "request-pattern-changed": rule("breaking", "wire", "Request `pattern` changed", TIGHTER_REQUEST),
  "request-pattern-removed": rule("info", "wire", "Request `pattern` removed", NOTHING),
  "response-pattern-added": rule("info", "wire", "Response `pattern` added", NOTHING),
  "response-pattern-changed": rule("warning", "wire", "Response `pattern` changed", LOOSER_RESPONSE),
  "response-pattern-removed": rule("warning", "wire", "Response `pattern` removed", LOOSER_RESPONSE),
  "request-format-added": rule("breaking", "wire", "Request `format` added", "Check that the values you send have the new format."),
  "request-format-removed": rule("info", "wire", "Request `format` removed", NOTHING),
  "request-format-changed": rule("warning", "wire", "Request `format` changed", "Check that the values you send have the new format."),
  "response-format-added": rule("info", "wire", "Response `format` added", NOTHING),
  "response-format-removed": rule("warning", "wire", "Response `format` removed", "Check how you parse this value."),
  "response-format-changed": rule("warning", "wire", "Response `format` changed", "Check how you parse this value."),
  "request-multiple-of-changed": rule("breaking", "wire", "Request `multipleOf` changed", TIGHTER_REQUEST),
  "request-multiple-of-loosened": rule("info", "wire", "Request `multipleOf` changed to a divisor (looser)", NOTHING),
  "response-multiple-of-changed": rule("warning", "wire", "Response `multipleOf` changed", LOOSER_RESPONSE),
  "response-multiple-of-tightened": rule("info", "wire", "Response `multipleOf` changed to a multiple (tighter)", NOTHING),
  ...restrictionRules("multipleOf", "multiple-of"),
  ...restrictionRules("uniqueItems", "unique-items"),
  ...restrictionRules("dependentRequired", "dependent-required"),
  ...subschemaRules(),
  "request-if-changed": rule("breaking", "wire", "Request `if` condition changed", "Check which of `then`/`else` now applies to what you send."),
  "response-if-changed": rule("warning", "wire", "Response `if` condition changed", LOOSER_RESPONSE),
  // prefixItems are tuples in the generated types, and TypeScript tuples have an exact length.
  // `request-prefix-items-removed` is info: a tuple `[string]` is assignable to the new `string[]`,
  // every old call compiles (the surface check agrees: tuple positions are not properties).
  "request-prefix-items-added": rule("breaking", "both", "Request array became a tuple (`prefixItems`)", "Send the tuple's items in order."),
  "request-prefix-items-removed": rule("info", "both", "Request tuple became an array", NOTHING),
  "request-prefix-item-added": rule("breaking", "both", "Request tuple item added", "Send the new tuple item."),
  "request-prefix-item-removed": rule("breaking", "sdk", "Request tuple item removed", "Stop sending the removed tuple item (the tuple type is shorter)."),
  "response-prefix-items-added": rule("info", "both", "Response array became a tuple (`prefixItems`)", NOTHING),
  "response-prefix-items-removed": rule("breaking", "both", "Response tuple became an array", "Read the value as an array of any length."),
  "response-prefix-item-added": rule("breaking", "sdk", "Response tuple item added", "Read the longer tuple (its type changed length)."),
  "response-prefix-item-removed": rule("breaking", "both", "Response tuple item removed", "Stop reading the removed tuple item."),
  // readOnly / writeOnly: the generated types keep the property (readOnly adds a `readonly` modifier), the server ignores it.
  "request-read-only-added": rule("warning", "wire", "Request property became `readOnly`", "Stop relying on this property in requests: the server ignores it."),
  "request-read-only-removed": rule("info", "wire", "Request property no longer `readOnly`", NOTHING),
  "request-read-only-property-added": rule("info", "wire", "`readOnly` property added (ignored in requests)", NOTHING),
  // The generated request type keeps a readOnly property: object literals naming it stop compiling once it is gone.
  "request-read-only-property-removed": rule(
    "breaking",
    "sdk",
    "`readOnly` property removed (ignored in requests, gone from the request type)",
    "Stop setting this property in request objects; the server ignored it, the type no longer has it.",
  ),
  "request-write-only-added": rule("info", "wire", "Request property became `writeOnly`", NOTHING),
  "request-write-only-removed": rule("info", "wire", "Request property no longer `writeOnly`", NOTHING),
  "response-write-only-added": rule("warning", "wire", "Response property became `writeOnly`", "Stop reading this property: responses no longer carry it."),
  "response-write-only-removed": rule("info", "wire", "Response property no longer `writeOnly`", NOTHING),
  "response-write-only-property-added": rule("info", "wire", "`writeOnly` property added (absent from responses)", NOTHING),
  "response-write-only-property-removed": rule("info", "wire", "`writeOnly` property removed (absent from responses)", NOTHING),
  "response-read-only-added": rule("info", "wire", "Response property became `readOnly`", NOTHING),
  "response-read-only-removed": rule("info", "wire", "Response property no longer `readOnly`", NOTHING),
  "schema-deprecated-changed": rule("info", "sdk", "Schema deprecation changed", "Plan to stop using deprecated values.", true),
  "schema-documentation-changed": rule("info", "sdk", "Schema examples or documentation changed", NOTHING, true),
  "example-changed": rule("info", "sdk", "Example changed", NOTHING, true),
  "schema-rewritten-equivalently": rule("info", "wire", "Schemas rewritten in an equivalent form", NOTHING, true),
  "extension-changed": rule("info", "wire", "Specification extension (`x-…`) changed", "Check what the extension means for your use."),
  "request-default-changed": rule(
    "warning",
    "wire",
    "Request default changed",
    "Pass the value explicitly if you relied on the old default.",
  ),
  "response-default-changed": rule("warning", "wire", "Response default changed", "Check code that relies on the old default."),
  ...boundRules(),

  // Document
  "servers-changed": rule("warning", "wire", "Servers changed", "Check the base URL you configure."),
  "webhook-added": rule("info", "wire", "Webhook added", "Subscribe to it if you need it."),
  "webhook-removed": rule("warning", "wire", "Webhook removed", "Stop waiting for this callback: the server no longer sends it."),
  "info-changed": rule("info", "sdk", "Document information changed", NOTHING, true),
  "unused-component-changed": rule("info", "wire", "Component no operation uses changed", NOTHING, true),
  "document-changed-unclassified": rule(
    "warning",
    "wire",
    "Document changed outside any operation",
    "Review the change in the spec diff at the pointer given; no rule classified it.",
  ),

  // Second opinion from the generated code
  "sdk-surface-disagreement": rule(
    "breaking",
    "sdk",
    "Generated API surface disagrees with the spec-level verdict",
    "Review the generated declarations listed here; the bump was raised to match them.",
  ),
  "sdk-surface-unchanged": rule(
    "warning",
    "sdk",
    "Spec says the SDK changes, generated surface does not",
    "Review the rule: the generated exports are identical, so the major bump may be conservative.",
  ),
};

export function ruleFor(id: string): Rule {
  const found = RULES[id];
  if (!found) throw new Error(`drift: unknown rule id ${JSON.stringify(id)}`);
  return found;
}
