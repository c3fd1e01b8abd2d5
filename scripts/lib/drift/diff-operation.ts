/** Everything drift compares for one paired operation. */
import { diffRequestBody, diffResponses } from "./diff-bodies";
import { diffParameters } from "./diff-parameters";
import { diffSecurity } from "./diff-security";
import { templateOf } from "./match-operations";
import type { PairContext } from "./operation-pair";

export function diffOperation(ctx: PairContext): void {
  diffIdentity(ctx);
  diffDocumentation(ctx);
  diffSecurity(ctx);
  diffParameters(ctx);
  diffRequestBody(ctx);
  diffResponses(ctx);
}

function diffIdentity(ctx: PairContext): void {
  const { base, head } = ctx.pair;
  const report = (id: string, message: string, before: unknown, after: unknown, at = head.pointer) =>
    ctx.collector.report(ctx.scope, id, { pointer: at, message, before, after });
  const oldId = base.operation.operationId;
  const newId = head.operation.operationId;
  if (oldId !== newId) {
    report("operation-id-renamed", `operationId ${JSON.stringify(oldId)} renamed to ${JSON.stringify(newId)}`, oldId, newId);
  }
  if (templateOf(base.path) !== templateOf(head.path)) {
    report("operation-path-renamed", `path ${base.path} moved to ${head.path}`, base.path, head.path);
  }
  if (base.method !== head.method) {
    report("operation-method-changed", `HTTP method ${base.method.toUpperCase()} changed to ${head.method.toUpperCase()}`, base.method, head.method);
  }
  const firstTag = (operation: Record<string, unknown>) => (Array.isArray(operation.tags) ? operation.tags[0] : undefined);
  if (firstTag(base.operation) !== firstTag(head.operation)) {
    report("operation-tag-changed", `first tag ${JSON.stringify(firstTag(base.operation))} changed to ${JSON.stringify(firstTag(head.operation))}`, firstTag(base.operation), firstTag(head.operation));
  }
  const wasDeprecated = base.operation.deprecated === true;
  const deprecated = head.operation.deprecated === true;
  if (wasDeprecated !== deprecated) {
    report(deprecated ? "operation-deprecated" : "operation-undeprecated", deprecated ? "operation deprecated" : "operation no longer deprecated", wasDeprecated, deprecated);
  }
}

function diffDocumentation(ctx: PairContext): void {
  const { base, head } = ctx.pair;
  for (const [keyword, id] of [
    ["summary", "summary-changed"],
    ["description", "description-changed"],
  ] as const) {
    const before = base.operation[keyword];
    const after = head.operation[keyword];
    if (before !== after) {
      ctx.collector.report(ctx.scope, id, { pointer: `${head.pointer}/${keyword}`, message: `${keyword} of the operation changed`, before, after });
    }
  }
}
