/**
 * Every rule drift knows, by id: its level, its axis, a human title for the
 * report and what a user of the package has to do. Rules that depend on the
 * direction of the data carry it in their id (`request-…` / `response-…`), so
 * one id always means one level and one axis.
 */
import type { Axis, Level } from "./change";

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

/** Bounds keywords: which way is "tighter". */
export const UPPER_BOUNDS = ["maxItems", "maxLength", "maximum", "exclusiveMaximum", "maxProperties"] as const;
export const LOWER_BOUNDS = ["minItems", "minLength", "minimum", "exclusiveMinimum", "minProperties"] as const;
export type BoundKeyword = (typeof UPPER_BOUNDS)[number] | (typeof LOWER_BOUNDS)[number];

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
  "operation-changed-unclassified": rule(
    "info",
    "wire",
    "Operation changed (no specific rule)",
    "Review the change in the spec diff; no rule classified it.",
    true,
  ),
  "summary-changed": rule("info", "sdk", "Summary changed", "Nothing to do (doc comments change).", true),
  "description-changed": rule("info", "sdk", "Description changed", "Nothing to do (doc comments change).", true),

  // Security
  "security-added": rule("breaking", "wire", "Authentication now required", "Configure the credentials the operation now requires."),
  "security-removed": rule("info", "wire", "Authentication no longer required", NOTHING),
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
  "response-status-added": rule(
    "warning",
    "both",
    "Success status added",
    "Handle the new status: the result type now includes its body.",
  ),
  "response-status-removed": rule("breaking", "both", "Success status removed", "Stop handling this status; its body type is gone."),
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
  "request-became-nullable": rule("info", "both", "Request value accepts null", NOTHING),
  "request-became-non-nullable": rule("breaking", "both", "Request value no longer accepts null", "Stop sending `null` here."),
  "response-became-nullable": rule("breaking", "both", "Response value became nullable", "Handle `null` where you read this value."),
  "response-became-non-nullable": rule("info", "both", "Response value no longer null", NOTHING),

  // Schemas: enums, const, unions, discriminators
  "request-enum-value-removed": rule("breaking", "both", "Request enum value removed", "Stop sending the removed value."),
  "request-enum-value-added": rule("info", "both", "Request enum value added", NOTHING),
  "request-enum-added": rule("breaking", "both", "Request value restricted to an enum", "Send only the listed values."),
  "request-enum-removed": rule("info", "both", "Request enum restriction removed", NOTHING),
  "response-enum-value-added": rule(
    "warning",
    "both",
    "Response enum value added",
    "Handle the new value: exhaustive `switch`es or `Record<…>` maps over this type stop compiling.",
  ),
  "response-enum-value-removed": rule("info", "both", "Response enum value removed", NOTHING),
  "response-enum-added": rule("info", "both", "Response value restricted to an enum", NOTHING),
  "response-enum-removed": rule("warning", "both", "Response enum restriction removed", "Handle any value where you read this field."),
  "const-changed": rule("breaking", "both", "`const` changed", "Use the new constant value (comparisons against the old one no longer compile)."),
  "discriminator-changed": rule("breaking", "both", "Discriminator changed", "Narrow the union on the new discriminator property/values."),
  "request-union-variant-added": rule("info", "both", "Request union variant added", NOTHING),
  "request-union-variant-removed": rule("breaking", "both", "Request union variant removed", "Stop sending the removed shape."),
  "response-union-variant-added": rule(
    "warning",
    "both",
    "Response union variant added",
    "Handle the new variant: exhaustive narrowing (switch on the discriminant, `match…` helpers) stops compiling or falls through.",
  ),
  "response-union-variant-removed": rule("info", "both", "Response union variant removed", NOTHING),

  // Schemas: other keywords
  "request-pattern-added": rule("breaking", "wire", "Request `pattern` added", TIGHTER_REQUEST),
  "request-pattern-changed": rule("breaking", "wire", "Request `pattern` changed", TIGHTER_REQUEST),
  "request-pattern-removed": rule("info", "wire", "Request `pattern` removed", NOTHING),
  "response-pattern-added": rule("info", "wire", "Response `pattern` added", NOTHING),
  "response-pattern-changed": rule("warning", "wire", "Response `pattern` changed", LOOSER_RESPONSE),
  "response-pattern-removed": rule("warning", "wire", "Response `pattern` removed", LOOSER_RESPONSE),
  "request-format-changed": rule("warning", "wire", "Request `format` changed", "Check that the values you send have the new format."),
  "response-format-changed": rule("warning", "wire", "Response `format` changed", "Check how you parse this value."),
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
  "document-changed-unclassified": rule(
    "info",
    "wire",
    "Document changed outside any operation",
    "Review the change in the spec diff; no rule classified it.",
    true,
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
