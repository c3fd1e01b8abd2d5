/**
 * The one import of generated/validators.js, a large module (one Ajv function
 * per operation): dynamic, so that it is loaded only when a client turns
 * `drift` on. An object rather than a bare function so tests can spy on it.
 */
import type { DriftValidateFunction } from "../../generated/validators.js";

export type ValidatorTable = Readonly<Record<string, DriftValidateFunction>>;

export const validatorsModule = {
  async load(): Promise<ValidatorTable> {
    return (await import("../../generated/validators.js")).validators;
  },
};
