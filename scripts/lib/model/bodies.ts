/**
 * Where an operation's request and success-response schemas live. The media
 * type is picked like the generated `OperationBody`/`OperationResult` types
 * pick it (src/core/types.ts): a JSON one first, else the first listed.
 */
import { child, resolve, type Located, type SchemaContext } from "./schema-view";
import type { RequestBodyModel, ResponseModel } from "./types";

/** The success statuses `OperationResult` unites, in the order the model looks for a body. */
export const SUCCESS_STATUSES = ["200", "201", "202", "203", "204", "206", "207", "2XX"];

function pickMedia(content: Located): { mediaType: string; schemaPointer: string } | undefined {
  const media = content.value;
  if (media === null || typeof media !== "object") return undefined;
  const types = Object.keys(media);
  const mediaType = types.find((type) => type.includes("json")) ?? types[0];
  if (mediaType === undefined) return undefined;
  return { mediaType, schemaPointer: child(content, mediaType, "schema").pointer };
}

export function requestBodyOf(context: SchemaContext, operation: Located): RequestBodyModel | undefined {
  if (child(operation, "requestBody").value === undefined) return undefined;
  const body = resolve(context, child(operation, "requestBody"));
  const media = pickMedia(child(body, "content"));
  if (!media) return undefined;
  return { ...media, required: (body.value as { required?: unknown }).required === true };
}

export function successResponseOf(context: SchemaContext, operation: Located): ResponseModel | undefined {
  const responses = child(operation, "responses");
  for (const status of SUCCESS_STATUSES) {
    if (child(responses, status).value === undefined) continue;
    const response = resolve(context, child(responses, status));
    const media = pickMedia(child(response, "content"));
    if (media) return { ...media, status };
  }
  return undefined;
}

/** Lowercased names of the headers a response (by status) declares, e.g. GitHub's `link`. */
export function responseHeaderNames(context: SchemaContext, operation: Located, status: string | undefined): string[] {
  if (status === undefined) return [];
  const response = resolve(context, child(operation, "responses", status));
  const headers = child(response, "headers").value;
  if (headers === null || typeof headers !== "object") return [];
  return Object.keys(headers).map((name) => name.toLowerCase()).sort();
}
