export { ArtuVariantError } from "./variant-error";
export { matchVariant, type VariantHandlers } from "./match-variant";
export { assertVariant, type VariantErrorClass } from "./assert-variant";
export { describePayload } from "./describe-payload";
