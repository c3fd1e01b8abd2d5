/**
 * drift --sdk-check loads one TypeScript compiler, not two: ts-morph is pinned to the
 * release that bundles the `typescript` package's major.minor, and is handed
 * that package's instance (scripts/lib/drift/typescript-once.ts). Checked in a
 * fresh Node process, since a test worker may have loaded ts-morph already.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { bundledVersionMajorMinor, tsMorphCompilerPath } from "../../scripts/lib/drift/typescript-once";
import { REPO as ROOT } from "./helpers/run-script";

const require = createRequire(import.meta.url);

const PROBE = `
import { loadTsMorph } from "./scripts/lib/drift/typescript-once.ts";
import { loadOpenApiTypeScript } from "./scripts/lib/emit/schema-render.mjs";
// As drift --sdk-check runs: a client generated first (openapi-typescript), ts-morph loaded afterwards.
const { default: openapiTS, ts: own } = loadOpenApiTypeScript();
const { ts } = loadTsMorph();
// ts-morph re-exports the compiler through its own namespace object: compare what is inside.
console.log(JSON.stringify({ shared: ts.factory === own.factory, otsLoaded: typeof openapiTS === "function", version: ts.version }));
`;

describe("one TypeScript per generate run", () => {
  it("ts-morph bundles the same TypeScript major.minor as the typescript package (pin ts-morph to match)", () => {
    const own = (require("typescript") as { versionMajorMinor: string }).versionMajorMinor;
    expect(bundledVersionMajorMinor(tsMorphCompilerPath())).toBe(own);
  });

  it("openapi-typescript and ts-morph use the same compiler instance", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx/esm", "--input-type=module", "-e", PROBE], { cwd: ROOT });
    const probe = JSON.parse(stdout) as { shared: boolean; otsLoaded: boolean; version: string };
    expect(probe).toMatchObject({ shared: true, otsLoaded: true, version: require("typescript").version });
  }, 60_000);
});
