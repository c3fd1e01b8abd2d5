/**
 * Words for a variant payload, used in ArtuVariantError messages: every array
 * of objects at the payload's top level (migrate `blockers`, …), one phrase
 * per item from its identifying fields, e.g.
 *   client 3c90c3cc-… "Acme SA" missing-external-id
 */

const KIND_FIELDS = ["resource", "type", "kind"] as const;
const ID_FIELDS = ["id", "externalId"] as const;
const LABEL_FIELDS = ["label", "name", "title"] as const;
const REASON_FIELDS = ["reason", "code", "message"] as const;
const MAX_ITEMS = 10;

export function describePayload(payload: unknown): string {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload))
    return "";
  const phrases: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (!Array.isArray(value)) continue;
    const objects = value.filter(isRecord);
    if (objects.length === 0) continue;
    const shown = objects.slice(0, MAX_ITEMS).map(describeItem);
    const more =
      objects.length > MAX_ITEMS
        ? `; and ${objects.length - MAX_ITEMS} more`
        : "";
    phrases.push(`${key}: ${shown.join("; ")}${more}`);
  }
  return phrases.join(" | ");
}

export function describeItem(item: Readonly<Record<string, unknown>>): string {
  const words = [
    firstScalar(item, KIND_FIELDS),
    firstScalar(item, ID_FIELDS),
    quoted(firstScalar(item, LABEL_FIELDS)),
    firstScalar(item, REASON_FIELDS),
  ].filter((word): word is string => word !== undefined);
  return words.length > 0
    ? words.join(" ")
    : truncate(JSON.stringify(item), 120);
}

function firstScalar(
  item: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): string | undefined {
  for (const field of fields) {
    const value = item[field];
    if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean"
    )
      return String(value);
  }
  return undefined;
}

function quoted(value: string | undefined): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
