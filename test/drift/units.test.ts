/** The small pure pieces: bump derivation, --fail-on, git: locations, the changeset text. */
import parseChangeset from "@changesets/parse";
import { describe, expect, it } from "vitest";
import { bumpOf, highestBump } from "../../scripts/lib/drift/bump";
import type { Change } from "../../scripts/lib/drift/change";
import { renderChangeset } from "../../scripts/lib/drift/changeset";
import { exitCodeFor, parseFailOn } from "../../scripts/lib/drift/fail-on";
import { parseGitLocation } from "../../scripts/lib/drift/read-spec";
import { ruleFor } from "../../scripts/lib/drift/rules";
import { diffSpecs } from "../../scripts/lib/drift/diff-specs";
import { viewSchema } from "../../scripts/lib/model/schema";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { join } from "node:path";
import { runScript } from "./helpers/run-script";

function change(id: string, operationId = "clients.sync"): Change {
  const { level, axis } = ruleFor(id);
  return { id, level, axis, operationId, method: "post", path: "/clients/sync", pointer: "/paths/~1clients~1sync/post", message: `${id} happened` };
}

describe("bump", () => {
  it.each([
    ["response-property-removed", "major"], // breaking, both axes
    ["operation-id-renamed", "major"], // breaking, sdk only
    ["operation-path-renamed", "minor"], // breaking on the wire only: upgrading fixes users
    ["request-max-items-decreased", "minor"],
    ["response-enum-value-added", "major"], // breaking where the types change: the enum type widens
    ["response-type-widened-to-number", "minor"], // warning
    ["request-property-added-optional", "minor"], // info that grows the surface
    ["description-changed", "patch"],
    ["summary-changed", "patch"],
    ["schema-rewritten-equivalently", "patch"],
    ["operation-changed-unclassified", "minor"], // never quieter than a warning
    ["schema-keyword-changed-unclassified", "minor"],
  ])("%s → %s", (id, bump) => {
    expect(bumpOf(change(id))).toBe(bump);
  });

  it("takes the highest bump, none for no change", () => {
    expect(highestBump([])).toBe("none");
    expect(highestBump([change("summary-changed"), change("operation-path-renamed")])).toBe("minor");
    expect(highestBump([change("summary-changed"), change("operation-removed"), change("operation-added")])).toBe("major");
  });
});

describe("--fail-on", () => {
  const report = { bump: "minor" as const, changes: [change("response-type-widened-to-number"), change("operation-added")] };
  it("fails at or above the threshold only", () => {
    expect(exitCodeFor(report, parseFailOn("breaking"))).toBe(0);
    expect(exitCodeFor(report, parseFailOn("warning"))).toBe(1);
    expect(exitCodeFor({ bump: "major", changes: [change("operation-removed")] }, parseFailOn("none"))).toBe(0);
  });
  it("rejects other levels", () => {
    expect(() => parseFailOn("info")).toThrow(/expected breaking, warning or none/);
  });
});

describe("git: locations", () => {
  it("splits ref and path at the first colon", () => {
    expect(parseGitLocation("git:HEAD:openapi/artu.json")).toEqual({ ref: "HEAD", path: "openapi/artu.json" });
    expect(parseGitLocation("git:origin/main:openapi/artu.json")).toEqual({ ref: "origin/main", path: "openapi/artu.json" });
    expect(parseGitLocation("openapi/artu.json")).toBeUndefined();
  });
  it.each(["git:", "git:HEAD", "git::openapi/artu.json", "git:HEAD:"])("rejects %s", (location) => {
    expect(() => parseGitLocation(location)).toThrow(/expected "git:<ref>:<path>"/);
  });
});

const PACKAGE_1X = { name: "artu-compliance-client", version: "1.4.2" };

describe("changeset", () => {
  it("names the package and the bump, and lists breaking changes and warnings, not info", () => {
    const text = renderChangeset(PACKAGE_1X, {
      bump: "major",
      changes: [change("response-property-removed"), change("response-type-widened-to-number", "clients.retrieve"), change("operation-added", "clients.archive")],
    });
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual([{ name: "artu-compliance-client", type: "major" }]);
    expect(parsed.summary.split("\n")).toEqual([
      "Regenerated from a new ARTU API snapshot: 1 breaking, 1 warning(s), 1 info change(s).",
      "",
      "- **Breaking** `clients.sync`: response-property-removed happened",
      "- Warning `clients.retrieve`: response-type-widened-to-number happened",
    ]);
  });

  it("caps the list and refuses a report without changes", () => {
    const many = Array.from({ length: 45 }, (_, index) => change("operation-removed", `op${String(index).padStart(2, "0")}`));
    const parsed = parseChangeset(renderChangeset(PACKAGE_1X, { bump: "major", changes: many }));
    expect(parsed.summary).toContain("- … and 5 more (see openapi/DRIFT.md)");
    expect(() => renderChangeset(PACKAGE_1X, { bump: "none", changes: [] })).toThrow(/no changeset/);
  });
});

describe("the schema reader drift shares with the model (scripts/lib/model/schema)", () => {
  const context = (schemas: Record<string, unknown>) => ({ document: { components: { schemas } }, source: "spec.json" });
  const at = (name: string) => ({ value: { $ref: `#/components/schemas/${encodeURIComponent(name)}` }, pointer: "/x" });

  it("applies every allOf member's constraints: the tightest bound wins, patterns accumulate, a property defined twice keeps both", () => {
    const view = viewSchema(
      context({
        A: {
          allOf: [
            { type: "string", maxLength: 10, minLength: 1, pattern: "^a" },
            { maxLength: 5, minLength: 0, pattern: "b$" },
          ],
        },
        O: { allOf: [{ type: "object", properties: { a: { type: "string" } } }, { properties: { a: { maxLength: 3 } }, required: ["a"] }] },
      }),
      at("A"),
    );
    expect(view.keywords).toMatchObject({ maxLength: 5, minLength: 1 });
    expect(view.patterns).toEqual(["^a", "b$"]);
    const object = viewSchema(context({ O: { allOf: [{ type: "object", properties: { a: { type: "string" } } }, { properties: { a: { maxLength: 3 } }, required: ["a"] }] } }), at("O"));
    expect(object.required.has("a")).toBe(true);
    expect(viewSchema(context({}), object.properties.get("a")! as never).keywords).toBeDefined();
    expect(object.properties.get("a")!.also).toHaveLength(1);
  });

  it("keeps anyOf and oneOf apart, reads type arrays and null variants as nullability, and a union of one as its member", () => {
    const ctx = context({ U: { oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] }, V: { anyOf: [{ type: "string" }, { type: "integer" }] }, N: { type: ["string", "null"] }, W: { anyOf: [{ $ref: "#/components/schemas/N" }] } });
    expect(viewSchema(ctx, at("U"))).toMatchObject({ unionKind: "oneOf", nullable: true });
    expect(viewSchema(ctx, at("U")).variants).toHaveLength(2);
    expect(viewSchema(ctx, at("V")).unionKind).toBe("anyOf");
    expect(viewSchema(ctx, at("N"))).toMatchObject({ types: ["string"], nullable: true });
    expect(viewSchema(ctx, at("W"))).toMatchObject({ types: ["string"], nullable: true, pointer: "/components/schemas/N" });
  });

  it("follows percent-encoded pointers and stops at cycles, including chains of single-member unions", () => {
    const ctx = context({ "Node Tree": { type: "object", properties: { next: { $ref: "#/components/schemas/Node%20Tree" } } }, A: { oneOf: [{ $ref: "#/components/schemas/B" }] }, B: { anyOf: [{ $ref: "#/components/schemas/A" }] } });
    expect(viewSchema(ctx, at("Node Tree")).pointer).toBe("/components/schemas/Node Tree");
    expect(viewSchema(ctx, at("A")).variants).toHaveLength(1);
  });

  it("reads OpenAPI 3.0's boolean exclusive bounds as 3.1 numbers", () => {
    expect(viewSchema(context({ E: { type: "number", maximum: 10, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: false } }), at("E")).keywords).toMatchObject({
      exclusiveMaximum: 10,
      minimum: 1,
    });
  });

  it("reports a keyword it does not know, with its pointer, instead of dropping it", () => {
    expect(viewSchema(context({ K: { type: "string", maxLenght: 3, "x-ok": true } }), at("K")).unknown).toEqual([
      { keyword: "maxLenght", pointer: "/components/schemas/K/maxLenght", value: 3 },
    ]);
  });
});

describe("robustness", () => {
  /** `unions` single-member unions in a cycle, and `objects` objects nesting each other in a cycle: the shapes that overflowed the stack. */
  function deepCycles(unions: number, objects: number): OpenApiDocument {
    const schemas: Record<string, unknown> = {};
    for (let index = 0; index < unions; index++) {
      schemas[`S${index}`] = { [index % 2 ? "anyOf" : "oneOf"]: [{ $ref: `#/components/schemas/S${(index + 1) % unions}` }] };
    }
    for (let index = 0; index < objects; index++) {
      const s = index < unions ? { s: { $ref: `#/components/schemas/S${index}` } } : {};
      schemas[`P${index}`] = { type: "object", properties: { next: { $ref: `#/components/schemas/P${(index + 1) % objects}` }, ...s } };
    }
    const body = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
    return {
      openapi: "3.1.0",
      info: { title: "cycles", version: "1" },
      paths: { "/a": { post: { operationId: "a", requestBody: body("P0"), responses: { "200": { description: "OK", ...body("S0") } } } } },
      components: { schemas },
    } as OpenApiDocument;
  }

  it("compares a deep cyclic schema graph with itself without a stack overflow, and finds a change at its far end", () => {
    const base = deepCycles(200, 3000);
    expect(diffSpecs({ document: base, source: "base" }, { document: structuredClone(base), source: "head" })).toEqual({ bump: "none", changes: [] });
    const head = structuredClone(base);
    (head.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.P2999!.properties.extra = { type: "string" };
    const report = diffSpecs({ document: base, source: "base" }, { document: head, source: "head" });
    expect(report.changes.map((change) => change.id)).toEqual(["request-property-added-optional"]);
  });

  it("exits 0 on a valid cyclic spec diffed against itself (was RangeError, exit 1)", async () => {
    const spec = join(import.meta.dirname, "../fixtures/drift/cycle-request-identical/base.json");
    const result = await runScript("drift.ts", ["--base", spec, "--head", spec, "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ bump: "none", changes: [] });
  });
});
