/**
 * The drift corpus: every test/fixtures/drift/<case>/ holds a base and a head
 * document and the hand-written expectation (the bump, and the id, level,
 * axis and operation of every change the pair must produce, no more, no less).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../scripts/lib/drift/diff-specs";
import { RULES } from "../../scripts/lib/drift/rules";
import { sortChanges } from "../../scripts/lib/drift/sort";
import { resolvePointer } from "../../scripts/lib/spec/pointer";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { generatedPairs, serialize } from "../fixtures/drift/keyword-pairs";

const ROOT = join(import.meta.dirname, "../fixtures/drift");
const CASES = readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, "expected.json"))).sort();

interface Expected {
  bump: string;
  changes: { id: string; level: string; axis: string; operationId: string }[];
}

const read = <T>(name: string, file: string): T => JSON.parse(readFileSync(join(ROOT, name, file), "utf8")) as T;
const key = (change: Expected["changes"][number]) => `${change.id} ${change.level} ${change.axis} ${change.operationId}`;

/** Pointers of these rules name what was removed, so they point into the base document. */
const POINTS_INTO_BASE =
  /^(operation-removed|request-parameter-removed|(request|response)-(read-only-|write-only-)?property-removed|(request|response)-union-variant-removed|request-body-removed|response-(error-)?status-removed|(request|response)-media-type-removed|(request|response)-prefix-item-removed|webhook-removed|(request|response)-[a-z-]+-removed)$/;

describe("drift corpus", () => {
  it("has at least 150 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it("holds the generated pairs exactly as keyword-pairs.ts writes them (rerun it after editing its table)", () => {
    for (const pair of generatedPairs()) {
      for (const [file, value] of [["base.json", pair.base], ["head.json", pair.head], ["expected.json", pair.expected]] as const) {
        expect(readFileSync(join(ROOT, pair.name, file), "utf8"), `${pair.name}/${file}`).toBe(serialize(value));
      }
    }
  });

  it("has a pair per keyword, direction and way for every keyword of the drift issue", () => {
    const keywords = [
      "contains", "min-contains", "max-contains", "prefix-items", "prefix-item", "property-names", "pattern-properties",
      "additional-properties", "dependent-required", "dependent-schemas", "if", "then", "else", "unevaluated-properties",
      "unevaluated-items", "not", "const", "multiple-of", "minimum", "maximum", "exclusive-minimum", "exclusive-maximum",
      "min-length", "max-length", "min-items", "max-items", "min-properties", "max-properties", "format", "read-only",
      "write-only", "extensible-enum", "union-became",
    ];
    const produced = CASES.flatMap((name) => read<Expected>(name, "expected.json").changes.map((change) => change.id));
    const missing = keywords.flatMap((keyword) =>
      (["request", "response"] as const).filter((direction) => !produced.some((id) => id.startsWith(`${direction}-${keyword}-`))).map((direction) => `${direction}-${keyword}`),
    );
    expect(missing).toEqual([]);
    for (const id of ["webhook-added", "webhook-removed", "security-loosened", "response-error-status-removed", "discriminator-added-types-unchanged", "operation-changed-unclassified", "schema-keyword-changed-unclassified"]) {
      expect(produced, id).toContain(id);
    }
  });

  it.each(CASES)("%s", (name) => {
    const base = read<OpenApiDocument>(name, "base.json");
    const head = read<OpenApiDocument>(name, "head.json");
    const expected = read<Expected>(name, "expected.json");
    const report = diffSpecs({ document: base, source: `${name}/base.json` }, { document: head, source: `${name}/head.json` });

    const actual = report.changes.map(({ id, level, axis, operationId }) => key({ id, level, axis, operationId })).sort();
    expect(actual).toEqual(expected.changes.map(key).sort());
    expect(report.bump).toBe(expected.bump);

    expect(report.changes).toEqual(sortChanges(report.changes));
    for (const change of report.changes) {
      expect(RULES[change.id], change.id).toBeDefined();
      expect(change.message).not.toBe("");
      if (change.pointer === "") continue;
      const document = POINTS_INTO_BASE.test(change.id) ? base : head;
      expect(resolvePointer(document, change.pointer), `${change.id} at ${change.pointer}`).toBeDefined();
    }
  });

  it("covers every rule the task names", () => {
    const produced = new Set(CASES.flatMap((name) => read<Expected>(name, "expected.json").changes.map((change) => change.id)));
    const required = [
      "operation-added", "operation-removed", "operation-id-renamed", "operation-path-renamed",
      "request-parameter-added-required", "request-parameter-added-optional", "request-parameter-removed",
      "request-parameter-became-required", "request-parameter-became-optional",
      "request-property-added-required", "request-property-added-optional", "request-property-removed",
      "request-property-became-required", "request-property-became-optional",
      "response-property-added", "response-property-removed", "response-property-became-optional", "response-property-became-required",
      "request-type-changed", "response-type-changed",
      "request-enum-value-removed", "request-enum-value-added", "response-enum-value-added",
      "const-changed", "discriminator-changed", "response-union-variant-added", "request-union-variant-removed",
      "response-became-nullable", "request-became-nullable",
      "request-max-items-decreased", "request-max-items-increased", "request-min-items-added", "request-max-length-increased",
      "request-min-length-increased", "response-maximum-increased", "response-minimum-increased", "request-pattern-added",
      "request-default-changed", "security-added", "security-removed", "security-scheme-changed",
      "description-changed", "summary-changed",
    ];
    expect(required.filter((id) => !produced.has(id))).toEqual([]);
  });
});
