/**
 * Hand-written copy of what generated/helpers.ts emits for clients.migrate
 * (ARCHITECTURE.md, "Helper shapes"), over the result type from openapi/sources/clients.json.
 */
import {
  ArtuVariantError,
  assertVariant,
  matchVariant,
} from "../../src/narrowing";
import type { VariantUnionDescription } from "../../src/internal";

export type ClientsMigrateResult =
  | {
      status: "completed";
      targetId: string;
      action: "created" | "updated";
      counts: { resource: string; created: number; updated: number }[];
    }
  | {
      status: "blocked";
      blockers: {
        resource: "client" | "transaction";
        id: string;
        label: string;
        reason: "missing-external-id";
      }[];
    };

export const clientsMigrateVariants = {
  operationId: "clients.migrate",
  discriminant: "status",
  variants: ["completed", "blocked"],
} as const satisfies VariantUnionDescription;
export type ClientsMigrateCompleted = Extract<
  ClientsMigrateResult,
  { status: "completed" }
>;
export type ClientsMigrateBlocked = Extract<
  ClientsMigrateResult,
  { status: "blocked" }
>;

export function isClientsMigrateCompleted(
  value: ClientsMigrateResult,
): value is ClientsMigrateCompleted {
  return value.status === "completed";
}
export function isClientsMigrateBlocked(
  value: ClientsMigrateResult,
): value is ClientsMigrateBlocked {
  return value.status === "blocked";
}
export class ClientsMigrateCompletedError extends ArtuVariantError<ClientsMigrateCompleted> {}
export class ClientsMigrateBlockedError extends ArtuVariantError<ClientsMigrateBlocked> {}
const clientsMigrateVariantErrors = {
  completed: ClientsMigrateCompletedError,
  blocked: ClientsMigrateBlockedError,
};

export function matchClientsMigrateResult<R>(
  value: ClientsMigrateResult,
  handlers: {
    completed: (value: ClientsMigrateCompleted) => R;
    blocked: (value: ClientsMigrateBlocked) => R;
    unknown?: (value: unknown) => R;
  },
): R {
  return matchVariant(clientsMigrateVariants, value, handlers);
}
export function assertClientsMigrateCompleted(
  value: ClientsMigrateResult,
): ClientsMigrateCompleted {
  return assertVariant(
    clientsMigrateVariants,
    value,
    "completed",
    clientsMigrateVariantErrors,
  ) as ClientsMigrateCompleted;
}
export function assertClientsMigrateBlocked(
  value: ClientsMigrateResult,
): ClientsMigrateBlocked {
  return assertVariant(
    clientsMigrateVariants,
    value,
    "blocked",
    clientsMigrateVariantErrors,
  ) as ClientsMigrateBlocked;
}
