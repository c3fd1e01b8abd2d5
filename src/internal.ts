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
  PaginatedOperation,
  PaginatorDescriptor,
  RequestOptions,
} from "./core/operation";
export type { OperationBody, OperationParams, OperationResult, PageItem } from "./core/types";
export type { SyncArrayDescription, SyncPlannerDescription, VariantUnionDescription } from "./core/helpers";
