/**
 * Runtime behind the generated `assert<Op><Variant>` helpers: returns the
 * value when it is the expected variant, else throws the error class of the
 * variant received (carrying its payload), or a plain ArtuVariantError for a
 * variant the snapshot does not know.
 */
import type { VariantUnionDescription } from "../core/helpers";
import { ArtuVariantError, discriminantOf } from "./variant-error";

export type VariantErrorClass = new (
  description: VariantUnionDescription,
  expected: string,
  payload: any,
) => ArtuVariantError;

export function assertVariant(
  description: VariantUnionDescription,
  value: unknown,
  expected: string,
  errors: Readonly<Record<string, VariantErrorClass>>,
): unknown {
  const actual = discriminantOf(description, value);
  if (actual === expected && description.variants.includes(actual))
    return value;
  const ErrorClass =
    actual !== undefined &&
    description.variants.includes(actual) &&
    Object.hasOwn(errors, actual)
      ? errors[actual]!
      : ArtuVariantError;
  throw new ErrorClass(description, expected, value);
}
