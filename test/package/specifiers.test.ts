/** The import scanner the tarball test relies on: it finds every form of import and nothing inside strings. */
import { describe, expect, it } from "vitest";
import { importSpecifiers, packageOf } from "./support/specifiers";

describe("importSpecifiers", () => {
  it("finds static, multi-line, side-effect, dynamic, re-export and require forms", () => {
    const source = [
      `import { Project } from "ts-morph";`,
      `import {`,
      `  format,`,
      `  resolveConfig,`,
      `} from 'prettier';`,
      `import "./side-effect.js";`,
      `export * from "./operations";`,
      `export { a } from "@redocly/openapi-core/lib/x";`,
      `const ts = await import("openapi-typescript");`,
      `var ajv = require('ajv/dist/2020.js');`,
      `type C = import("openapi-fetch").Client;`,
    ].join("\n");
    expect(importSpecifiers(source)).toEqual([
      "./operations",
      "./side-effect.js",
      "@redocly/openapi-core/lib/x",
      "ajv/dist/2020.js",
      "openapi-fetch",
      "openapi-typescript",
      "prettier",
      "ts-morph",
    ]);
  });

  it("ignores the word import/from inside data, such as an embedded spec's descriptions", () => {
    const source = [
      `var spec = { summary: "Import clients from a file", description: 'export rows from "CSV" files' };`,
      `export const op = { operationId: "clients.import", path: "/import" };`,
    ].join("\n");
    expect(importSpecifiers(source)).toEqual([]);
  });
});

describe("packageOf", () => {
  it("names the package of a bare specifier and skips builtins and relative paths", () => {
    expect(["ajv/dist/2020.js", "@redocly/openapi-core/lib/x", "http", "node:fs/promises", "./emulator.js"].map(packageOf)).toEqual([
      "ajv",
      "@redocly/openapi-core",
      undefined,
      undefined,
      undefined,
    ]);
  });
});
