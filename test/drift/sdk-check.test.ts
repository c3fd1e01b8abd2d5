/**
 * `--sdk-check`: the project's generator turns both specs into clients, the
 * type checker compares their public surfaces, and disagreements with the
 * spec-level verdict become changes of their own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs, type SpecInput } from "../../scripts/lib/drift/diff-specs";
import { withSdkCheck } from "../../scripts/lib/drift/sdk-check";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { runScript } from "./helpers/run-script";

const FIXTURES = join(import.meta.dirname, "../fixtures/drift");
const side = (name: string, file: "base" | "head"): SpecInput => ({
  document: JSON.parse(readFileSync(join(FIXTURES, name, `${file}.json`), "utf8")) as OpenApiDocument,
  source: `${name}/${file}.json`,
});

async function checked(name: string) {
  const base = side(name, "base");
  const head = side(name, "head");
  return withSdkCheck(diffSpecs(base, head), base, head);
}

const sdkChanges = (report: Awaited<ReturnType<typeof checked>>) =>
  report.changes.filter((change) => change.id.startsWith("sdk-")).map(({ id, level, axis, operationId }) => ({ id, level, axis, operationId }));

describe("sdk surface check", { timeout: 120_000 }, () => {
  it("agrees when the spec and the generated types both break (a response property removed)", async () => {
    const report = await checked("response-property-removed");
    expect(sdkChanges(report)).toEqual([]);
    expect(report.bump).toBe("major");
  });

  it("agrees on an operation without an operationId (labelled by route in the report, by a generated name in the manifest)", async () => {
    const strip = (document: OpenApiDocument): OpenApiDocument => {
      const copy = structuredClone(document);
      for (const item of Object.values(copy.paths ?? {})) for (const operation of Object.values(item)) delete (operation as { operationId?: string }).operationId;
      return copy;
    };
    const base = side("response-property-removed", "base");
    const head = side("response-property-removed", "head");
    const anonymous = { base: { ...base, document: strip(base.document) }, head: { ...head, document: strip(head.document) } };
    const report = await withSdkCheck(diffSpecs(anonymous.base, anonymous.head), anonymous.base, anonymous.head);
    expect(report.changes.some((change) => change.id === "response-property-removed")).toBe(true);
    expect(sdkChanges(report)).toEqual([]);
  });

  it("agrees on a renamed operationId (the generated method name changes)", async () => {
    const report = await checked("operation-id-renamed");
    expect(sdkChanges(report)).toEqual([]);
  });

  it("flags a change the rules rate compatible but the generated types show (a result variant removed): breaking, bump raised to major", async () => {
    // The rules' documented disagreement (rules.ts, response-union-variant-removed): the union narrows, its narrowing helper goes.
    const pair = "response-union-variant-removed";
    const specOnly = diffSpecs(side(pair, "base"), side(pair, "head"));
    expect(specOnly.bump).toBe("minor");
    const report = await checked(pair);
    expect(sdkChanges(report)).toEqual([{ id: "sdk-surface-disagreement", level: "breaking", axis: "sdk", operationId: "clients.migrate" }]);
    expect(report.changes.find((change) => change.id === "sdk-surface-disagreement")!.message).toContain("helper `resultNarrowing` no longer generated");
    expect(report.bump).toBe("major");
  });

  it("agrees on a request tuple that became an array: `[string]` is assignable to `string[]`, the rule says info", async () => {
    const report = await checked("kw-request-prefix-items-presence-looser");
    expect(sdkChanges(report)).toEqual([]);
    expect(report.bump).toBe("minor");
  });

  it("agrees on a removed request property (object literals naming it stop compiling)", async () => {
    const report = await checked("request-property-removed");
    expect(sdkChanges(report)).toEqual([]);
  });

  it("does not call a request tuple that becomes an array a lost property (`tags.0`): old values still compile", async () => {
    const head = side("identical", "head");
    const base = structuredClone(head);
    const tags = (base.document as any).paths["/clients"].post.requestBody.content["application/json"].schema.properties.tags;
    tags.prefixItems = [{ type: "string" }];
    const report = await withSdkCheck(diffSpecs(base, head), base, head);
    expect(report.changes.map((change) => change.message).join("\n")).not.toContain("lost `tags.0`");
    expect(sdkChanges(report)).toEqual([]);
  });

  it("agrees on integer → number: a wire-only warning, both are `number` in TypeScript", async () => {
    const report = await checked("response-integer-widened-to-number");
    expect(sdkChanges(report)).toEqual([]);
    expect(report.bump).toBe("minor");
  });

  it("reports a rule that calls a change SDK-breaking while the generated surface stays the same", async () => {
    // A misrated change (as integer → number was before its wire-only rule): the surfaces of one spec are identical.
    const spec = side("identical", "head");
    const misrated = { id: "response-type-widened", level: "breaking", axis: "both", operationId: "clients.create", method: "post", path: "/clients", pointer: "", message: "x" } as const;
    const report = await withSdkCheck({ bump: "major", changes: [misrated] }, spec, spec);
    expect(sdkChanges(report)).toEqual([{ id: "sdk-surface-unchanged", level: "warning", axis: "sdk", operationId: "clients.create" }]);
    expect(report.changes.find((change) => change.id === "sdk-surface-unchanged")!.message).toContain("`response-type-widened`");
  });

  it("is wired to the CLI flag", async () => {
    const fixture = (file: string) => join(FIXTURES, "response-union-variant-removed", file);
    const result = await runScript("drift.ts", ["--base", fixture("base.json"), "--head", fixture("head.json"), "--format", "json", "--sdk-check"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { bump: string; changes: { id: string }[] };
    expect(report.bump).toBe("major");
    expect(report.changes.filter((change) => change.id === "sdk-surface-disagreement")).toHaveLength(1);
  });
});
