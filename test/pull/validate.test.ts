import { describe, expect, it } from "vitest";
import { assertLocalRefsResolve } from "../../scripts/lib/spec/check-refs";
import { assertValidOpenApi, lintOpenApi } from "../../scripts/lib/spec/validate";

const valid = {
  openapi: "3.1.1",
  info: { title: "ARTU", version: "1.0.0" },
  paths: {
    "/clients/{id}": {
      get: {
        operationId: "clients.retrieve",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Client" } } } } },
      },
    },
  },
  components: { schemas: { Client: { type: ["object", "null"], properties: { status: { const: "active" } } } } },
};

describe("OpenAPI validation", () => {
  it("accepts a valid 3.1 document (no style rules: no descriptions, no license, no 4xx needed)", async () => {
    expect(await lintOpenApi(valid)).toEqual([]);
    await expect(assertValidOpenApi(valid, "clients.json")).resolves.toBeUndefined();
  });

  it("reports structural errors with their pointer and rule", async () => {
    const invalid = structuredClone(valid) as Record<string, any>;
    invalid.components.schemas.Client.type = "record";
    invalid.paths["/clients/{id}"].get.responses["200"].content = "json";
    const problems = await lintOpenApi(invalid);
    expect(problems.map(({ pointer, rule }) => [pointer, rule])).toEqual(
      expect.arrayContaining([
        ["/components/schemas/Client/type", "struct"],
        ["/paths/~1clients~1{id}/get/responses/200/content", "struct"],
      ]),
    );
    await expect(assertValidOpenApi(invalid, "clients.json")).rejects.toThrow(/^clients\.json#\/\S+: invalid OpenAPI document: .*\n  1 more error\(s\):\n  clients\.json#\//);
  });

  it("reports a missing path parameter declaration (a spec rule)", async () => {
    const invalid = structuredClone(valid) as Record<string, any>;
    delete invalid.paths["/clients/{id}"].get.parameters;
    expect((await lintOpenApi(invalid)).map(({ rule }) => rule)).toContain("path-parameters-defined");
  });

  it("rejects dangling, external and malformed $refs before linting, at the pointer of the holder", async () => {
    const dangling = structuredClone(valid) as Record<string, any>;
    dangling.components.schemas.Client.properties.scope = { $ref: "#/components/schemas/Scope" };
    await expect(assertValidOpenApi(dangling, "clients.json")).rejects.toThrow(
      'clients.json#/components/schemas/Client/properties/scope: dangling $ref "#/components/schemas/Scope"',
    );
    expect(() => assertLocalRefsResolve({ a: { $ref: "other.json#/x" } }, "doc.json")).toThrow('doc.json#/a: external $ref "other.json#/x"');
    expect(() => assertLocalRefsResolve({ a: { $ref: "#components" } }, "doc.json")).toThrow("doc.json#/a: malformed $ref");
    expect(() => assertLocalRefsResolve({ "a/b": { $ref: "#/a~1b" } }, "doc.json")).not.toThrow();
  });
});
