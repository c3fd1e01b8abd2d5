/**
 * prettier stays the formatter of record: every TypeScript file generate
 * emits is a fixed point of prettier (formatting it again changes nothing),
 * although only the statements and members that need it go through prettier
 * (scripts/lib/emit/format.ts). Checked on ARTU, the generating fixture specs
 * and GitHub's 1,223 operations, plus the formatter's own edge cases.
 */
import { readFileSync } from "node:fs";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { formatStatements, formatTypeScript, isPrettierShaped, PRETTIER_OPTIONS, prettierWork } from "../../scripts/lib/emit/format";
import { emitHelpers } from "../../scripts/lib/emit/helpers";
import { emitIndex } from "../../scripts/lib/emit/index-file";
import { literalDoc } from "../../scripts/lib/emit/literal";
import { emitOperations } from "../../scripts/lib/emit/operations";
import { constDeclaration, functionDeclaration, returnStatement, stringLiteral, typeAlias, typeRef } from "../../scripts/lib/emit/syntax";
import { createPrintedFiles, printedStatements, printFile } from "../../scripts/lib/emit/printed-files";
import { buildApiModel } from "../../scripts/lib/model/build";
import { parseOpenApi } from "../../scripts/lib/spec/load";
import { GITHUB_SPEC, ROOT, spec } from "./support";

const prettier = (text: string) => format(text, PRETTIER_OPTIONS);

/** operations.ts and helpers.ts as generate emits them (same emitters, same formatter). */
async function emitted(file: string): Promise<Record<string, string>> {
  const model = buildApiModel(parseOpenApi(readFileSync(file, "utf8"), file), file);
  const printed = createPrintedFiles();
  const options = { runtimeImport: "../src/internal" };
  emitOperations(printed, model, options);
  emitHelpers(printed, model, options);
  return {
    "operations.ts": await formatStatements(printedStatements(printed, "operations.ts")),
    "helpers.ts": await formatStatements(printedStatements(printed, "helpers.ts")),
    "index.ts": await prettier(emitIndex(model)),
  };
}

/** Pieces as printFile cuts them: each top-level statement with the whitespace before it. */
const pieces = (...statements: string[]) => statements.map((text, i) => (i === 0 ? text : `\n${text}`));

describe("generated TypeScript is exactly what prettier prints", () => {
  const specs = [
    `${ROOT}/openapi/artu.json`,
    spec("paginated-batch.json"),
    spec("sync-parts.json"),
    spec("union-kind.json"),
    spec("openapi-31-features.json"),
    spec("param-collision.json"),
    spec("pagination-conventions.json"),
    spec("validator-edges.json"),
  ];
  it.each(specs)("%s: prettier leaves every emitted file unchanged, and was given nothing to format", async (file) => {
    const before = prettierWork.characters;
    const files = await emitted(file);
    expect(prettierWork.characters - before).toBe(0);
    for (const [name, text] of Object.entries(files)) {
      expect(await prettier(text), name).toBe(text);
    }
  }, 60_000);

  it("GitHub's 1,223 operations: prettier leaves operations.ts and helpers.ts unchanged, and was given nothing to format", async () => {
    const before = prettierWork.characters;
    const files = await emitted(GITHUB_SPEC);
    expect(prettierWork.characters - before).toBe(0);
    for (const [name, text] of Object.entries(files)) {
      expect(await prettier(text), name).toBe(text);
    }
  }, 300_000);

  it("the committed generated/operations.ts and helpers.ts are what the formatter makes now", async () => {
    const files = await emitted(`${ROOT}/openapi/artu.json`);
    const committed = (name: string) => readFileSync(`${ROOT}/generated/${name}`, "utf8");
    expect(files["operations.ts"]).toBe(committed("operations.ts"));
    expect(files["helpers.ts"]).toBe(committed("helpers.ts"));
  }, 60_000);
});

describe("formatStatements", () => {
  const longMember = `    ${"veryLongMethodName".repeat(4)}(params: ${"P".repeat(40)}, options?: RequestOptions): Promise<${"R".repeat(30)}>;`;
  const iface = ["export interface Api {", "  ns: {", "    /** Short one. */", "    short(): void;", longMember, "  };", "}"].join("\n");

  it("formats only the long member of a block statement, and the result is prettier's", async () => {
    const text = await formatStatements(pieces(iface, "export type A = string;"));
    expect(text).toBe(await prettier(`${iface}\nexport type A = string;`));
    expect(text).toContain("    short(): void;\n");
    expect(text.split("\n").every((line) => line.length <= 120)).toBe(true);
  });

  it("formats the whole statement when its frame is not prettier's (a header over the print width)", async () => {
    const header = `export interface ${"Wide".repeat(30)} extends Base {`;
    const statement = [header, "  ns: {", longMember, "  };", "}"].join("\n");
    expect(await formatStatements(pieces(statement))).toBe(await prettier(statement));
  });

  it("keeps one blank line where the source has one or more, none at the start", async () => {
    const text = await formatStatements(["\n\nexport type A = 1;", "\n\n\n\nexport type B = 2;", "\nexport type C = 3;"]);
    expect(text).toBe("export type A = 1;\n\nexport type B = 2;\nexport type C = 3;\n");
    expect(text).toBe(await prettier("\n\nexport type A = 1;\n\n\n\nexport type B = 2;\nexport type C = 3;"));
  });

  it("cuts a shared prettier call right even when a statement holds the boundary marker, and fixes what prettier would", async () => {
    const statements = [
      `export const a = 'single';`,
      `export const b = "// @generate-format-boundary";`,
      "export class E extends Error {\n}",
      `export const n = 1E+21;`,
    ];
    const text = await formatStatements(pieces(...statements));
    expect(text).toBe(await prettier(statements.join("\n")));
  });
});

describe("isPrettierShaped", () => {
  it.each([
    ["a line over the print width", [`export type A = "${"x".repeat(120)}";`]],
    ["an escape", ['export const a = "say \\"hi\\"";']],
    ["an empty block over two lines", ["export class E {", "}"]],
    ["a hanging indent", ["export const a = {", "    b: 1,", "  };"]],
    ["an array of objects", ["export const a = [{ b: 1 }, { b: 2 }];"]],
    ["a trailing space", ["export type A = 1; "]],
  ])("no for %s", (_, lines) => {
    expect(isPrettierShaped(lines)).toBe(false);
  });

  it("yes for prettier's own layout, a long comment included", () => {
    const lines = [`/** ${"a long doc comment ".repeat(10)}*/`, "export const a = {", "  b: [1, 2],", "  c: { d: true },", "} as const;"];
    expect(isPrettierShaped(lines)).toBe(true);
  });

  it("measures a line as prettier does (a wide character two columns, a combining mark none)", async () => {
    // 123 characters, 115 columns: prettier keeps it; 114 characters, 139 columns: prettier breaks it.
    const marks = [`export const a = { label: "${"e\u0301".repeat(8)}${"x".repeat(70)}", b: 1 };`];
    const wide = [`export const a = { label: "${"漢".repeat(25)}${"x".repeat(52)}", b: 1 };`];
    expect(await prettier(marks[0]!)).toBe(`${marks[0]}\n`);
    expect(isPrettierShaped(marks)).toBe(true);
    expect(await prettier(wide[0]!)).not.toBe(`${wide[0]}\n`);
    expect(isPrettierShaped(wide)).toBe(false);
  });
});

describe("formatTypeScript", () => {
  it("keeps a file of one-line re-exports and doc comments as it is, and gives prettier anything else", async () => {
    const index = '/** Banner. */\nexport * from "./schema";\nexport * from "./operations";\n';
    const before = prettierWork.calls;
    expect(await formatTypeScript(index)).toBe(index);
    expect(prettierWork.calls).toBe(before);
    expect(await formatTypeScript("export * from './schema'")).toBe('export * from "./schema";\n');
    expect(prettierWork.calls).toBe(before + 1);
  });
});

describe("isPrettierShaped on the layouts the emitters print", () => {
  const long = "A".repeat(110);
  it.each([
    ["a break after `=`", [`type ${long}Op =`, `  paths["/a/${long}"]["get"];`]],
    ["type arguments broken one per line", ["export type A = X<", "  B,", "  C", ">;"]],
    ["an unbreakable parameter and return type", [`  ${long}(`, `    params: ${long},`, "  ): Promise<R>;"]],
    ["an empty class over the width", [`export class ${long}Error extends ArtuVariantError<${long}> {}`]],
    ["a short key with a long string", ["export const a = {", `  path: "${long}",`, "} as const;"]],
    ["a lone flat object in an array", ['export const a = { context: [{ name: "id", in: "path" }] };']],
    ["a single quote inside a double-quoted string, digits and e in names", [`export type Op57e0 = paths["/search(q='{q}')"]["get"];`]],
  ])("yes for %s", (_, lines) => {
    expect(isPrettierShaped(lines, lines[0]!.startsWith("  ") ? 2 : 0)).toBe(true);
  });

  it.each([
    ["a long key with a long string (prettier breaks after the colon)", ["export const a = {", `  operationId: "${long}",`, "} as const;"]],
    ["an unbreakable-looking object property over the width", ["export const a = {", `  variant: ${long}Error,`, "};"]],
    ["a union after `=` over the width", [`type ${long}Op =`, `  paths["/a/${long}"]["get"] | X;`]],
    ["a number in exponent form", ["export const n = 1e21;"]],
  ])("no for %s", (_, lines) => {
    expect(isPrettierShaped(lines)).toBe(false);
  });
});

describe("printFile", () => {
  it("prints each statement in prettier's layout, blank lines where asked and around functions", async () => {
    const printed = createPrintedFiles();
    const statements = [
      typeAlias("A", typeRef("OperationParams", [typeRef("X".repeat(120))]), { isExported: true }),
      typeAlias("B", typeRef("string"), { blankBefore: true }),
      constDeclaration("c", literalDoc({ operationId: "clients.retrieveSomethingLong", path: "/clients/{id}/something/long", args: ["params", "body"], idempotent: true })),
      functionDeclaration({ name: "f", parameters: [], returnType: typeRef("string"), body: [returnStatement(stringLiteral("x"))] }),
      typeAlias("D", typeRef("number")),
    ];
    const text = printFile(printed, "c.ts", statements);
    expect(text).toBe(await prettier(text));
    expect(text).toContain("export type A =\n  OperationParams<");
    expect(text).toContain('type B = string;\nconst c = {\n  operationId: "clients.retrieveSomethingLong",\n');
    expect(text).toContain("};\n\nfunction f(): string {\n");
    expect(text.endsWith('}\n\ntype D = number;\n')).toBe(true);
    expect(printedStatements(printed, "c.ts").join("")).toBe(text);
  });
});
