/**
 * Thrown when a result is not the variant the caller expected: by an
 * `assert…` helper (generated subclasses per variant, e.g.
 * ClientsMigrateBlockedError), or by `match…` for a variant the snapshot does
 * not know and no `unknown` handler.
 */
import type { VariantUnionDescription } from "../core/helpers";
import { ArtuError } from "../client/errors";
import { describePayload } from "./describe-payload";

export class ArtuVariantError<T = unknown> extends ArtuError {
  readonly operationId: string;
  readonly discriminant: string;
  /** The variant the caller asserted ("" when matching, where any known variant was expected). */
  readonly expected: string;
  /** The variant received; may be one the snapshot does not know, or "" when the discriminant is missing. */
  readonly actual: string;
  readonly payload: T;

  constructor(
    description: VariantUnionDescription,
    expected: string,
    payload: T,
  ) {
    const actual = discriminantOf(description, payload);
    super(messageFor(description, expected, actual, payload));
    this.operationId = description.operationId;
    this.discriminant = description.discriminant;
    this.expected = expected;
    this.actual = actual ?? "";
    this.payload = payload;
  }
}

/** The discriminant value when it is a string, else undefined. */
export function discriminantOf(
  description: VariantUnionDescription,
  value: unknown,
): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const actual = (value as Record<string, unknown>)[description.discriminant];
  return typeof actual === "string" ? actual : undefined;
}

function messageFor(
  description: VariantUnionDescription,
  expected: string,
  actual: string | undefined,
  payload: unknown,
): string {
  const { operationId, discriminant, variants } = description;
  const received =
    actual === undefined
      ? `a result without a string "${discriminant}"`
      : `${discriminant} "${actual}"${variants.includes(actual) ? "" : ` (a variant this client does not know: ${variants.map((v) => `"${v}"`).join(", ")})`}`;
  const wanted =
    expected === ""
      ? `one of ${variants.map((v) => `"${v}"`).join(", ")}`
      : `"${expected}"`;
  const details = describePayload(payload);
  return `${operationId} returned ${received} where ${wanted} was expected${details === "" ? "" : `: ${details}`}`;
}
