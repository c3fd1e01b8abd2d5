/**
 * assertSpecIntegrity, the checks pull, generate and drift share: $ref chains
 * that loop, $refs standing for the wrong kind of object, path templates that
 * disagree with path parameters (issue 11, items 15-17).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../scripts/lib/spec/errors";
import { assertSpecIntegrity } from "../../scripts/lib/spec/integrity";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { brokenCases, validSpec } from "./spec-cases";

const ROOT = join(import.meta.dirname, "../..");

function problemOf(spec: unknown): string | undefined {
  try {
    assertSpecIntegrity(spec as OpenApiDocument, "things.json");
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message;
  }
}

describe("assertSpecIntegrity", () => {
  it("accepts a valid document, including a recursive schema and a $ref to a schema inside a parameter", () => {
    const spec = validSpec();
    spec.components.schemas.Thing.properties.key = { $ref: "#/components/parameters/Id/schema" };
    expect(problemOf(spec)).toBeUndefined();
  });

  for (const { name, spec, message } of brokenCases()) {
    it(`refuses ${name}, naming the file and the pointer`, () => {
      expect(problemOf(spec)).toBe(`things.json#${message}`);
    });
  }

  it("refuses a $ref to itself and a loop of parameters, naming the chain", () => {
    const self = validSpec();
    self.components.schemas.Thing = { $ref: "#/components/schemas/Thing" };
    expect(problemOf(self)).toMatch(/loops without reaching a schema: #\/components\/schemas\/Thing → #\/components\/schemas\/Thing$/);
    const parameters = validSpec();
    parameters.components.parameters.Id = { $ref: "#/components/parameters/Other" };
    parameters.components.parameters.Other = { $ref: "#/components/parameters/Id" };
    expect(problemOf(parameters)).toContain(
      "(operation things.get): $ref chain loops without reaching a parameter: #/components/parameters/Id → #/components/parameters/Other → #/components/parameters/Id",
    );
  });

  it("refuses $refs to a header where a parameter stands, to a map of definitions, and to a non-object", () => {
    const header = validSpec();
    header.components.headers = { Id: { schema: { type: "string" } } };
    header.paths["/things/{id}"].get.responses["200"].headers = { "X-Id": { $ref: "#/components/parameters/Id" } };
    expect(problemOf(header)).toContain('$ref "#/components/parameters/Id" points at a parameter, where a header is expected');
    const map = validSpec();
    map.components.schemas.Thing.properties.all = { $ref: "#/components/schemas" };
    expect(problemOf(map)).toBe(
      'things.json#/components/schemas/Thing/properties/all: $ref "#/components/schemas" points at a map of definitions, not one definition, where a schema is expected',
    );
    const extensionLike = validSpec();
    extensionLike.components.schemas.Thing.properties["x-tag"] = { $ref: "#/components/parameters/Id" };
    expect(problemOf(extensionLike)).toContain("#/components/schemas/Thing/properties/x-tag: $ref");
    const scalar = validSpec();
    scalar.paths["/things/{id}"].get.parameters = [{ $ref: "#/info/title" }];
    expect(problemOf(scalar)).toContain('$ref "#/info/title" points at a string, where a parameter is expected');
  });

  it("resolves $refs through own properties only: #/__proto__ dangles", () => {
    const spec = validSpec();
    spec.components.schemas.Thing.properties.proto = { $ref: "#/components/__proto__" };
    expect(problemOf(spec)).toContain('dangling $ref "#/components/__proto__"');
  });

  it("accepts path-level path parameters and refuses one the template lacks", () => {
    const spec = validSpec();
    spec.paths["/things/{id}"].parameters = spec.paths["/things/{id}"].get.parameters;
    spec.paths["/things/{id}"].get.parameters = [];
    expect(problemOf(spec)).toBeUndefined();
    spec.paths["/things/{id}"].parameters.push({ name: "shelf", in: "path", required: true, schema: { type: "string" } });
    expect(problemOf(spec)).toBe(
      'things.json#/paths/~1things~1{id}/parameters/1 (operation things.get): path parameter "shelf" does not appear in the path /things/{id}: add {shelf} to the path or remove the parameter',
    );
  });

  it("accepts the project's snapshot and GitHub's REST spec (no false positives on real documents)", () => {
    for (const file of ["openapi/artu.json", "node_modules/@octokit/openapi/generated/api.github.com.json"]) {
      const spec = JSON.parse(readFileSync(join(ROOT, file), "utf8"));
      expect(problemOf(spec)).toBeUndefined();
    }
  }, 60_000);
});
