/**
 * format.ts replaces prettier in `npm run generate` (for speed): its layout
 * must stay what prettier would print for the code the emitters write. The
 * oracle is prettier itself (a devDependency), run on the same unformatted
 * ts-morph output: the ARTU snapshot, the fixtures, the GitHub description.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { formatTypeScript, PRINT_WIDTH } from "../../scripts/lib/emit/format";
import { emitHelpers } from "../../scripts/lib/emit/helpers";
import { emitIndex } from "../../scripts/lib/emit/index-file";
import { emitOperations } from "../../scripts/lib/emit/operations";
import { createEmitProject } from "../../scripts/lib/emit/ts-project";
import { buildApiModel } from "../../scripts/lib/model/build";
import { parseOpenApi } from "../../scripts/lib/spec/load";
import { GITHUB_SPEC, ROOT, SPECS } from "./support";

const PRETTIER = { parser: "babel-ts", printWidth: PRINT_WIDTH } as const;

/** The emitters' unformatted output for a spec. */
function emitted(specFile: string): Record<string, string> {
  const document = parseOpenApi(readFileSync(specFile, "utf8"), specFile);
  const model = buildApiModel(document, specFile);
  const project = createEmitProject();
  const options = { runtimeImport: "../src/internal" };
  return {
    "operations.ts": emitOperations(project, model, options),
    "helpers.ts": emitHelpers(project, model, options),
    "index.ts": emitIndex(model),
  };
}

/** Fixtures the model accepts (the others exist to be rejected). */
function generatableFixtures(): string[] {
  return readdirSync(SPECS)
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(SPECS, name))
    .filter((file) => {
      try {
        buildApiModel(parseOpenApi(readFileSync(file, "utf8"), file), file);
        return true;
      } catch {
        return false;
      }
    });
}

async function expectPrettierLayout(specFile: string): Promise<void> {
  for (const [name, text] of Object.entries(emitted(specFile))) {
    expect(formatTypeScript(text), `${specFile} ${name}`).toBe(await format(text, PRETTIER));
  }
}

describe("formatTypeScript: prettier's layout without prettier", () => {
  it("matches prettier on the ARTU snapshot's operations.ts, helpers.ts and index.ts", async () => {
    await expectPrettierLayout(join(ROOT, "openapi/artu.json"));
  }, 60_000);

  it("matches prettier on every fixture spec the generator accepts", async () => {
    const fixtures = generatableFixtures();
    expect(fixtures.length).toBeGreaterThan(3);
    for (const file of fixtures) await expectPrettierLayout(file);
  }, 60_000);

  it("matches prettier on the GitHub description (long names: type-argument and after-`=` breaks)", async () => {
    await expectPrettierLayout(GITHUB_SPEC);
  }, 120_000);

  it("breaks each construct the emitters write as prettier does", async () => {
    const samples = [
      // An object literal with a nested array of objects (always broken by prettier) and a long string array.
      `export const planner = { operation: op, arrays: [{ name: "items", maxItems: 250, writableFields: ["city", "country", "externalId", "isPrimary", "metadata", "postalCode", "scope"] }], context: [{ name: "a", in: "path" }, { name: "b", in: "body" }] } as const satisfies D;\n`,
      // A type literal whose members are separated by semicolons, inside a parameter list.
      `export function matchSomethingLongResult<R>(value: SomethingLongResult, handlers: { completed: (value: SomethingLongCompleted) => R; blocked: (value: SomethingLongBlocked) => R; unknown?: (value: unknown) => R }): R {\n  return matchVariant(d, value, handlers);\n}\n`,
      // An empty class body, blank lines to collapse, drifting indentation inside a block.
      `export class AnError extends ArtuVariantError<Variant> {\n}\n\n\n\nexport interface X {\n  a: {\n      /** doc with { braces ( and [ brackets */\n      b(): void;\n  };\n}\n`,
      // Strings (double-quoted, as JSON.stringify writes them) holding brackets, commas and escapes must not be split.
      `export const withStrings = { path: "/a/{b}/c,d", summary: "x [y, z] (w) \\\\", other: "back\\\\slash ( {", more: "and a long tail to exceed the width" };\n`,
      // A single long type argument: break after "=", not inside the index access.
      `export type AVeryLongOperationNameForTheRunnerGroupsOfAnOrganizationParams = OperationParams<AVeryLongOperationNameOp>;\n`,
    ];
    for (const sample of samples) expect(formatTypeScript(sample), sample).toBe(await format(sample, PRETTIER));
  });

  it("keeps every line within the print width where prettier can", () => {
    const text = formatTypeScript(emitted(join(ROOT, "openapi/artu.json"))["operations.ts"]!);
    const wide = text.split("\n").filter((line) => line.length > PRINT_WIDTH && !line.trimStart().startsWith("/**"));
    expect(wide).toEqual([]);
  });
});
