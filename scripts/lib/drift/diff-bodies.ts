/**
 * Request bodies and responses of one operation: presence, `required`,
 * status codes and media types here; their schemas go to `diffSchema` in the
 * matching direction.
 */
import { SUCCESS_STATUSES } from "../model/bodies";
import { deref } from "../spec/refs";
import { diffSchema, type Side } from "./diff-schema";
import type { PairContext } from "./operation-pair";
import { escapeToken } from "../spec/pointer";
import { sameJson } from "../spec/normalize";

type JsonObject = Record<string, unknown>;

interface Resolved {
  readonly value: JsonObject;
  readonly pointer: string;
}

function resolveMember(side: Side, container: JsonObject, key: string, at: string): Resolved | undefined {
  if (container[key] === undefined) return undefined;
  const { value, pointer } = deref<JsonObject>(side.document, container[key], { source: side.source, pointer: `${at}/${escapeToken(key)}` });
  return { value: value ?? {}, pointer };
}


function content(body: Resolved): Map<string, { value: unknown; pointer: string }> {
  const media = (body.value.content ?? {}) as Record<string, JsonObject>;
  return new Map(
    Object.entries(media).map(([type, entry]) => [type, { value: entry?.schema, pointer: `${body.pointer}/content/${escapeToken(type)}/schema` }]),
  );
}

export function diffRequestBody(ctx: PairContext): void {
  const old = resolveMember(ctx.base, ctx.pair.base.operation, "requestBody", ctx.pair.base.pointer);
  const now = resolveMember(ctx.head, ctx.pair.head.operation, "requestBody", ctx.pair.head.pointer);
  const report = (id: string, pointer: string, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    ctx.collector.report(ctx.scope, id, { pointer, message, ...values });
  if (!old && !now) return;
  if (!old) {
    const required = now!.value.required === true;
    report(`request-body-added-${required ? "required" : "optional"}`, now!.pointer, `request body added (${required ? "required" : "optional"})`);
    return;
  }
  if (!now) {
    report("request-body-removed", old.pointer, "request body removed");
    return;
  }
  const wasRequired = old.value.required === true;
  const required = now.value.required === true;
  if (wasRequired !== required) {
    report(`request-body-became-${required ? "required" : "optional"}`, now.pointer, `request body became ${required ? "required" : "optional"}`, {
      before: { required: wasRequired },
      after: { required },
    });
  }
  if (old.value.description !== now.value.description) {
    report("description-changed", now.pointer, "description of the request body changed", {
      before: old.value.description,
      after: now.value.description,
    });
  }
  compareMedia(ctx, "request", "request body", content(old), content(now), report);
}

export function diffResponses(ctx: PairContext): void {
  const old = resolveMember(ctx.base, ctx.pair.base.operation, "responses", ctx.pair.base.pointer);
  const now = resolveMember(ctx.head, ctx.pair.head.operation, "responses", ctx.pair.head.pointer);
  const report = (id: string, pointer: string, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    ctx.collector.report(ctx.scope, id, { pointer, message, ...values });
  const statuses = (responses: Resolved | undefined) => Object.keys(responses?.value ?? {}).sort();
  for (const status of statuses(now)) {
    const after = resolveMember(ctx.head, now!.value, status, now!.pointer)!;
    const before = old && old.value[status] !== undefined ? resolveMember(ctx.base, old.value, status, old.pointer)! : undefined;
    if (!before) {
      const id = !isSuccess(status) ? "response-error-status-added" : sameBodyAsBefore(ctx, old, after) ? "response-status-added-same-body" : "response-status-added";
      report(id, after.pointer, `response ${status} added`);
      continue;
    }
    if (before.value.description !== after.value.description) {
      report("description-changed", after.pointer, `description of the ${status} response changed`, {
        before: before.value.description,
        after: after.value.description,
      });
    }
    compareMedia(ctx, "response", `${status} response`, content(before), content(after), report);
  }
  for (const status of statuses(old)) {
    if (now?.value[status] !== undefined) continue;
    const id = isSuccess(status) ? "response-status-removed" : "response-error-status-removed";
    report(id, `${old!.pointer}/${escapeToken(status)}`, `response ${status} removed`);
  }
}

/**
 * A new success status whose content (media types and schemas, `$ref`s as written) equals that of a
 * success status the base already had adds nothing to the generated result type.
 */
function sameBodyAsBefore(ctx: PairContext, old: Resolved | undefined, added: Resolved): boolean {
  if (!old) return false;
  return Object.keys(old.value)
    .filter(isSuccess)
    .some((status) => sameJson(resolveMember(ctx.base, old.value, status, old.pointer)!.value.content, added.value.content));
}

/** The statuses whose bodies make up the generated result type (the model's list); others are errors the client throws for. */
function isSuccess(status: string): boolean {
  return SUCCESS_STATUSES.includes(status);
}

function compareMedia(
  ctx: PairContext,
  direction: "request" | "response",
  origin: string,
  old: Map<string, { value: unknown; pointer: string }>,
  now: Map<string, { value: unknown; pointer: string }>,
  report: (id: string, pointer: string, message: string, values?: { before?: unknown; after?: unknown }) => void,
): void {
  for (const [type, after] of now) {
    const before = old.get(type);
    if (!before) {
      report(`${direction}-media-type-added`, after.pointer, `${origin}: media type ${type} added`);
      continue;
    }
    if (before.value === undefined || after.value === undefined) continue;
    // The report names the media type only when there is more than one.
    const label = now.size > 1 ? `${origin} (${type})` : origin;
    diffSchema(ctx, direction, { origin: label, field: "" }, before, after);
  }
  for (const [type, before] of old) {
    if (!now.has(type)) report(`${direction}-media-type-removed`, before.pointer, `${origin}: media type ${type} removed`);
  }
}
