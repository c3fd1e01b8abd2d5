/** The two renderings of a drift report: the pull-request Markdown and the stable JSON contract. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../scripts/lib/drift/diff-specs";
import { renderJson } from "../../scripts/lib/drift/render-json";
import { renderMarkdown } from "../../scripts/lib/drift/render-markdown";
import { RULES } from "../../scripts/lib/drift/rules";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";

const ROOT = join(import.meta.dirname, "../fixtures/drift");
const load = (name: string, file: string) => JSON.parse(readFileSync(join(ROOT, name, file), "utf8")) as OpenApiDocument;
const reportOf = (name: string) =>
  diffSpecs({ document: load(name, "base.json"), source: "base.json" }, { document: load(name, "head.json"), source: "head.json" });

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reverseKeys((value as Record<string, unknown>)[key])]));
}

describe("markdown report", () => {
  it("renders the most complex pair exactly as reviewed (test/fixtures/drift/artu-clients-many-rules/expected.md)", () => {
    const expected = readFileSync(join(ROOT, "artu-clients-many-rules", "expected.md"), "utf8");
    expect(renderMarkdown(reportOf("artu-clients-many-rules"))).toBe(expected);
  });

  it("puts the headline first, then breaking, warnings and info, each grouped by operation", () => {
    const markdown = renderMarkdown(reportOf("artu-clients-many-rules"));
    expect(markdown.split("\n")[0]).toBe("## API drift: `major` bump");
    expect(markdown).toContain("**8 breaking** · **1 warning(s)** · 2 info — in 8 operation(s).");
    const breaking = markdown.indexOf("### Breaking changes (8)");
    const warnings = markdown.indexOf("### Warnings (1)");
    const info = markdown.indexOf("### Other changes (2)");
    expect(breaking).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(breaking);
    expect(info).toBeGreaterThan(warnings);
    // clients.sync has three breaking changes under one heading.
    const syncSection = markdown.slice(markdown.indexOf("#### `clients.sync`"), warnings);
    expect(syncSection.match(/^#### /gm)).toHaveLength(1);
    expect(syncSection.match(/^- \*\*/gm)).toHaveLength(3);
    expect(syncSection).toContain("before: `250` → after: `100`");
    expect(syncSection).toContain("**What to do:**");
  });

  it("says so when nothing changed", () => {
    const markdown = renderMarkdown(reportOf("identical"));
    expect(markdown).toContain("`none` bump");
    expect(markdown).toContain("**0 breaking**");
    expect(markdown).not.toContain("###");
  });

  it("shortens long values and fences backticks", () => {
    const report = reportOf("request-property-added-optional");
    const long = { ...report.changes[0]!, after: { description: "x".repeat(500) } };
    const markdown = renderMarkdown({ bump: "minor", changes: [long] });
    expect(markdown).toMatch(/after: `\{"description":"x+…`/);
    const ticked = renderMarkdown({ bump: "minor", changes: [{ ...long, after: "a`b" }] });
    expect(ticked).toContain('after: `` "a`b" ``');
  });
});

describe("json report", () => {
  it("keeps the contract: bump + changes with id, level, axis, operationId, method, path, pointer, message", () => {
    const parsed = JSON.parse(renderJson(reportOf("artu-clients-many-rules"))) as { bump: string; changes: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["bump", "changes"]);
    expect(parsed.bump).toBe("major");
    for (const change of parsed.changes) {
      expect(Object.keys(change).slice(0, 8)).toEqual(["id", "level", "axis", "operationId", "method", "path", "pointer", "message"]);
      expect(["breaking", "warning", "info"]).toContain(change.level);
      expect(["wire", "sdk", "both"]).toContain(change.axis);
    }
    const removed = parsed.changes.find((change) => change.id === "response-property-removed")!;
    expect(removed).toMatchObject({
      operationId: "clients.sync",
      method: "post",
      path: "/clients/sync",
      pointer: "/paths/~1clients~1sync/post/responses/200/content/application~1json/schema/properties/documents",
      before: { $ref: "#/components/schemas/DocumentSyncResult" },
    });
    expect(removed).not.toHaveProperty("after");
  });

  it("is deterministic: the same pair gives the same bytes, whatever the key order of the inputs", () => {
    const name = "artu-clients-many-rules";
    const reversed = (file: string) => reverseKeys(load(name, file)) as OpenApiDocument;
    const shuffled = diffSpecs({ document: reversed("base.json"), source: "base.json" }, { document: reversed("head.json"), source: "head.json" });
    expect(renderJson(shuffled)).toBe(renderJson(reportOf(name)));
  });
});

describe("the README's rule table", () => {
  it("lists every rule id with its level and axis, and nothing else", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const table = readme.slice(readme.indexOf("<!-- drift-rules:start -->"), readme.indexOf("<!-- drift-rules:end -->"));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (\w+) \|/gm)].map(([, id, level, axis]) => `${id} ${level} ${axis}`);
    const expected = Object.entries(RULES).map(([id, rule]) => `${id} ${rule.level} ${rule.axis}`);
    expect(rows.sort()).toEqual(expected.sort());
  });
});
