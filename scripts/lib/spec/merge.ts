/**
 * Merge ARTU's per-resource OpenAPI documents into one. Every document carries
 * the same header (`openapi`, `info`, `servers`, `security`, …): it is kept once
 * and a difference is an error. Components that are byte-for-byte the same
 * (key order aside) are kept once; two different definitions under one name
 * are an error naming both sources. Paths, webhooks and tags are unioned; the
 * same path+method in two documents, or one operationId used twice, is an
 * error naming both sources.
 */
import { SpecError } from "./errors";
import type { OpenApiDocument } from "./load";
import { sameJson } from "./normalize";
import { pointer } from "./pointer";
import { HTTP_METHODS, type HttpMethod } from "../../../src/core/operation";

export interface SourceDocument {
  /** File name in the snapshot, e.g. `clients.json`. */
  readonly name: string;
  /** Where it came from (URL or file path), used in error messages. */
  readonly source: string;
  readonly document: OpenApiDocument;
}

export { HTTP_METHODS, type HttpMethod };

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** Top-level members merged by union; every other top-level member is shared header. */
const UNIONED_MEMBERS = new Set(["paths", "webhooks", "components", "tags"]);

type JsonObject = Record<string, unknown>;
interface Origin {
  readonly source: string;
  readonly pointer: string;
}

export function mergeDocuments(sources: readonly SourceDocument[]): OpenApiDocument {
  const [first] = sources;
  if (!first) throw new SpecError({ source: "sources" }, "no documents to merge");
  const merged: JsonObject = mergeHeader(sources);
  const operationIds = new Map<string, Origin>();
  for (const member of ["paths", "webhooks"] as const) {
    const items = mergePathItems(sources, member, operationIds);
    if (items) merged[member] = items;
  }
  const components = mergeComponents(sources);
  if (components) merged.components = components;
  const tags = mergeTags(sources);
  if (tags) merged.tags = tags;
  return merged as OpenApiDocument;
}

function mergeHeader(sources: readonly SourceDocument[]): JsonObject {
  const first = sources[0]!;
  const keys = new Set(sources.flatMap(({ document }) => Object.keys(document)).filter((key) => !UNIONED_MEMBERS.has(key)));
  const header: JsonObject = {};
  for (const key of [...keys].sort()) {
    for (const other of sources.slice(1)) {
      if (!sameJson(first.document[key], other.document[key])) {
        const what =
          other.document[key] === undefined ? "is missing, unlike in" : first.document[key] === undefined ? "is present, unlike in" : "differs from the one in";
        throw new SpecError(
          { source: other.source, pointer: pointer([key]) },
          `top-level "${key}" ${what} ${first.source}: every ARTU document must share the same ${key}`,
        );
      }
    }
    if (first.document[key] !== undefined) header[key] = first.document[key];
  }
  return header;
}

function mergePathItems(
  sources: readonly SourceDocument[],
  member: "paths" | "webhooks",
  operationIds: Map<string, Origin>,
): JsonObject | undefined {
  const merged: Record<string, JsonObject> = {};
  const origins = new Map<string, Origin>();
  let present = false;
  for (const { source, document } of sources) {
    const items = document[member] as Record<string, JsonObject> | undefined;
    if (items === undefined) continue;
    present = true;
    for (const [path, item] of Object.entries(items)) {
      const target = (merged[path] ??= {});
      for (const [key, value] of Object.entries(item)) {
        const at = pointer([member, path, key]);
        const earlier = origins.get(at);
        if (isHttpMethod(key)) {
          if (earlier) {
            throw new SpecError(
              { source, pointer: at, operation: operationLabel(value, key, path) },
              `${key.toUpperCase()} ${path} is also defined by ${earlier.source}: an operation must live in one document`,
            );
          }
          claimOperationId(value, { source, pointer: at }, operationIds);
        } else if (earlier && !sameJson(target[key], value)) {
          throw new SpecError(
            { source, pointer: at },
            `path item member "${key}" differs from the one in ${earlier.source}`,
          );
        }
        if (!earlier) origins.set(at, { source, pointer: at });
        target[key] = value;
      }
    }
  }
  return present ? merged : undefined;
}

function claimOperationId(operation: unknown, at: Origin, operationIds: Map<string, Origin>): void {
  const id = (operation as { operationId?: unknown } | null)?.operationId;
  if (typeof id !== "string") return;
  const earlier = operationIds.get(id);
  if (earlier) {
    throw new SpecError(
      { ...at, operation: id },
      `duplicate operationId "${id}": also used by ${earlier.source}#${earlier.pointer}`,
    );
  }
  operationIds.set(id, at);
}

function mergeComponents(sources: readonly SourceDocument[]): JsonObject | undefined {
  const merged: Record<string, JsonObject> = {};
  const origins = new Map<string, string>();
  let present = false;
  for (const { source, document } of sources) {
    if (document.components === undefined) continue;
    present = true;
    for (const [section, entries] of Object.entries(document.components)) {
      const target = (merged[section] ??= {});
      for (const [name, definition] of Object.entries(entries ?? {})) {
        const at = pointer(["components", section, name]);
        const earlier = origins.get(at);
        if (earlier === undefined) {
          origins.set(at, source);
          target[name] = definition;
        } else if (!sameJson(target[name], definition)) {
          throw new SpecError(
            { source, pointer: at },
            `component differs from the one with the same name in ${earlier}: a shared component must be identical in every document`,
          );
        }
      }
    }
  }
  return present ? merged : undefined;
}

function mergeTags(sources: readonly SourceDocument[]): unknown[] | undefined {
  const merged: { name?: unknown }[] = [];
  const origins = new Map<unknown, string>();
  let present = false;
  for (const { source, document } of sources) {
    const tags = document.tags as { name?: unknown }[] | undefined;
    if (!Array.isArray(tags)) continue;
    present = true;
    tags.forEach((tag, index) => {
      const earlier = merged.find((existing) => existing.name === tag.name);
      if (!earlier) {
        merged.push(tag);
        origins.set(tag.name, source);
      } else if (!sameJson(earlier, tag)) {
        throw new SpecError(
          { source, pointer: pointer(["tags", index]) },
          `tag ${JSON.stringify(tag.name)} differs from the one in ${origins.get(tag.name)}`,
        );
      }
    });
  }
  return present ? merged : undefined;
}

/** `operationId`, or `METHOD /path` for an operation without one. */
export function operationLabel(operation: unknown, method: string, path: string): string {
  const id = (operation as { operationId?: unknown } | null)?.operationId;
  return typeof id === "string" ? id : `${method.toUpperCase()} ${path}`;
}
