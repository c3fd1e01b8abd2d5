/**
 * artu-compliance-client: the typed client for the ARTU Compliance API.
 *
 *   import { createArtuClient, ArtuNotFoundError } from "artu-compliance-client";
 *   const artu = createArtuClient({ apiKey, environment: "test" });
 */
export { createArtuClient, type ArtuClient } from "./client/create-client";
export type { ArtuApiKey, ArtuClientOptions, ArtuEnvironment, ArtuLogger } from "./client/options";
export {
  ArtuAbortError,
  ArtuApiError,
  ArtuAuthenticationError,
  ArtuBatchError,
  ArtuBatchSplitError,
  ArtuConflictError,
  ArtuConnectionError,
  ArtuError,
  ArtuNotFoundError,
  ArtuPermissionError,
  ArtuRateLimitError,
  ArtuRedirectError,
  ArtuResponseParseError,
  ArtuServerError,
  ArtuTimeoutError,
  ArtuValidationError,
  type ArtuIssue,
  type ArtuRequestContext,
} from "./client/errors";
export type {
  BatchDescriptor,
  HttpMethod,
  OperationArg,
  OperationDescriptor,
  OperationInvoker,
  PaginatedOperation,
  PaginatorDescriptor,
  RequestOptions,
} from "./core/operation";
export type { ArtuErrorBody } from "./core/wire-error";
export { ArtuDriftError, type ArtuDrift, type DriftHandler, type DriftKind, type DriftMode } from "./drift";
export {
  applySync,
  ArtuSyncPlanError,
  planSync,
  SyncApplyError,
  type SyncApplyOptions,
  type SyncApplyProgress,
  type SyncApplyResult,
} from "./sync";
export { ArtuVariantError, assertVariant, matchVariant, type VariantHandlers } from "./narrowing";
export {
  fixFor,
  migrateClient,
  type MigrateClientOptions,
  type MigrateClientResult,
  type MigrationBlocker,
} from "./workflows";
// Generated: schema types (paths, components, operations), operation descriptors and their
// Params/Body/Result types, ArtuResources, sync planners and result-narrowing helpers.
export * from "../generated/index";
