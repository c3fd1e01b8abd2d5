export { createArtuClient, type ArtuClient } from "./create-client";
export { assembleClient, type AssembledClient } from "./assemble";
export type { ArtuApiKey, ArtuClientOptions, ArtuEnvironment, ArtuLogger } from "./options";
export {
  ArtuAbortError,
  ArtuApiError,
  ArtuAuthenticationError,
  ArtuBatchError,
  ArtuConflictError,
  ArtuConnectionError,
  ArtuError,
  ArtuNotFoundError,
  ArtuPermissionError,
  ArtuRateLimitError,
  ArtuResponseParseError,
  ArtuServerError,
  ArtuTimeoutError,
  ArtuValidationError,
  type ArtuIssue,
  type ArtuRequestContext,
} from "./errors";
