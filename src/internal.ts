/**
 * The one entry generated code imports from. Keep it stable: changing an
 * export here means regenerating `generated/`.
 */
export type {
  BatchDescriptor,
  HttpMethod,
  OperationArg,
  OperationBinder,
  OperationDescriptor,
  OperationInvoker,
  PaginatedOperation,
  PaginatorDescriptor,
  RequestOptions,
} from "./core/operation";
export type { OperationBody, OperationParams, OperationResult, PageItem } from "./core/types";
export type {
  SyncArrayDescription,
  SyncCounts,
  SyncCurrent,
  SyncCurrentItem,
  SyncDesired,
  SyncDesiredItem,
  SyncMatch,
  SyncPlan,
  SyncPlanInput,
  SyncPlanIssue,
  SyncPlannerDescription,
  SyncRequest,
  VariantUnionDescription,
} from "./core/helpers";
export type { ArtuErrorBody } from "./core/wire-error";
export { applySync, planSync, SyncApplyError } from "./sync";
export { ArtuVariantError, assertVariant, matchVariant } from "./narrowing";
