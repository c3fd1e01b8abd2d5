export { planSync } from "./plan";
export {
  applySync,
  type SyncApplyOptions,
  type SyncApplyProgress,
  type SyncApplyResult,
} from "./apply";
export { ArtuSyncPlanError, SyncApplyError } from "./errors";
export { canonicalEqual, canonicalJson } from "../core/canonical-json";
