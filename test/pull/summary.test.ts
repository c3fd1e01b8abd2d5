import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { diffOperations, formatSummary, hasOperationChanges } from "../../scripts/lib/spec/summary";

const ok = (schema: unknown) => ({ responses: { "200": { description: "OK", content: { "application/json": { schema } } } } });
function doc(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): OpenApiDocument {
  return { openapi: "3.1.1", info: {}, paths, components: { schemas } } as OpenApiDocument;
}

const before = doc(
  {
    "/clients": { post: { operationId: "clients.create", ...ok({ $ref: "#/components/schemas/Client" }) } },
    "/clients/{id}": { get: { operationId: "clients.retrieve", ...ok({ type: "object" }) }, delete: ok({}) },
  },
  { Client: { type: "object", properties: { scope: { $ref: "#/components/schemas/Scope" } } }, Scope: { enum: ["MX"] } },
);

describe("diffOperations", () => {
  it("reports nothing for the same document", () => {
    const diff = diffOperations(before, structuredClone(before));
    expect(hasOperationChanges(diff)).toBe(false);
    expect(diff.total).toBe(3);
  });

  it("counts everything as added without a previous snapshot", () => {
    expect(diffOperations(undefined, before).added.map(({ label }) => label)).toEqual(["clients.create", "clients.retrieve", "DELETE /clients/{id}"]);
  });

  it("sees added, removed and changed operations, keyed by operationId or METHOD path", () => {
    const after = structuredClone(before);
    delete (after.paths!["/clients/{id}"] as Record<string, unknown>).delete;
    after.paths!["/clients/{id}"]!.get = { operationId: "clients.retrieve", summary: "Retrieve", ...ok({ type: "object" }) };
    after.paths!["/addresses"] = { post: { operationId: "addresses.create", ...ok({}) } };
    const diff = diffOperations(before, after);
    expect(diff.added).toEqual([{ label: "addresses.create", method: "post", path: "/addresses" }]);
    expect(diff.removed).toEqual([{ label: "DELETE /clients/{id}", method: "delete", path: "/clients/{id}" }]);
    expect(diff.changed.map(({ label }) => label)).toEqual(["clients.retrieve"]);
  });

  it("sees a change in a component reached through a chain of $refs", () => {
    const after = structuredClone(before);
    after.components!.schemas!.Scope = { enum: ["MX", "US"] };
    expect(diffOperations(before, after).changed.map(({ label }) => label)).toEqual(["clients.create"]);
  });

  it("sees an operation that moved to another path, and a change of path-level parameters", () => {
    const moved = doc({ "/people": { post: before.paths!["/clients"]!.post }, "/clients/{id}": before.paths!["/clients/{id}"]! }, before.components!.schemas!);
    expect(diffOperations(before, moved).changed.map(({ label }) => label)).toEqual(["clients.create"]);
    const withParameters = structuredClone(before);
    withParameters.paths!["/clients/{id}"]!.parameters = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
    expect(diffOperations(before, withParameters).changed).toHaveLength(2);
  });

  it("formats a summary with counts and one line per operation", () => {
    const after = structuredClone(before);
    after.paths!["/addresses"] = { post: { operationId: "addresses.create", ...ok({}) } };
    expect(formatSummary(diffOperations(before, after), 2)).toBe(
      "2 document(s), 4 operation(s): 1 added, 0 removed, 0 changed\n  + addresses.create (POST /addresses)\n",
    );
  });
});
