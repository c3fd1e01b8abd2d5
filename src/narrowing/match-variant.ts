/**
 * Runtime behind the generated `match<Op>Result` helpers. The branch is
 * chosen by the discriminant value alone and only among the variants the
 * description lists, so a variant from a newer API version (a `status` this
 * snapshot does not know) can never reach a known branch: it goes to the
 * optional `unknown` handler, or raises an ArtuVariantError.
 */
import type { VariantUnionDescription } from "../core/helpers";
import { ArtuVariantError, discriminantOf } from "./variant-error";

export type VariantHandlers<R> = {
  readonly [variant: string]: ((value: never) => R) | undefined;
};

export function matchVariant<R>(
  description: VariantUnionDescription,
  value: unknown,
  handlers: VariantHandlers<R>,
): R {
  const actual = discriminantOf(description, value);
  const handler =
    actual !== undefined &&
    description.variants.includes(actual) &&
    Object.hasOwn(handlers, actual)
      ? handlers[actual]
      : Object.hasOwn(handlers, "unknown")
        ? handlers.unknown
        : undefined;
  if (handler === undefined) throw new ArtuVariantError(description, "", value);
  return (handler as (value: unknown) => R)(value);
}
