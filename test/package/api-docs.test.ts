/**
 * docs/api.md, the API reference: committed up to date with generated/ and the
 * package entries, complete (every operation, its signature and helper names),
 * and built only from names the generated code really exports.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_DOCS_FILE, buildApiDocs } from "../../scripts/lib/api-docs/build";
import { parseManifest, type ManifestOperation } from "../../scripts/lib/api-docs/manifest";
import { text } from "../../scripts/lib/api-docs/markdown";
import { generatesProjectClient } from "../../scripts/lib/api-docs/project-docs";
import { operationExports } from "../../scripts/lib/api-docs/operation-exports";
import { readExportedNames, readResourceSignatures } from "../../scripts/lib/api-docs/resource-signatures";
import { ROOT, run } from "./support/commands";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

let built: string;
let manifest: ReturnType<typeof parseManifest>;
const temps: string[] = [];

beforeAll(async () => {
  built = await buildApiDocs(ROOT);
  manifest = parseManifest(await readFile(join(ROOT, "generated/manifest.json"), "utf8"), "generated/manifest.json");
}, 60_000);

afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The section of one operation: from its heading to the next heading. */
function section(name: string): string {
  const start = built.indexOf(`\n#### ${name}\n`);
  expect(start, `no section for ${name}`).toBeGreaterThan(0);
  const end = built.indexOf("\n#", start + 1);
  return built.slice(start, end);
}

describe("docs/api.md", () => {
  it("is up to date with generated/ and the package entries", async () => {
    const committed = await readFile(join(ROOT, API_DOCS_FILE), "utf8").catch(() => "(missing)");
    expect(committed, "docs/api.md is stale: run `npm run docs` (or `npm run generate`) and commit it").toBe(built);
  });

  it("has a section per manifest operation with its HTTP route and its ArtuResources signature", () => {
    expect(manifest.operations.length).toBeGreaterThan(90);
    for (const op of manifest.operations) {
      const body = section(op.name);
      expect(body, op.name).toContain(`\`${op.method.toUpperCase()} ${op.path}\``);
      expect(body, op.name).toContain(`artu.${op.name}(`);
    }
    expect(section("clients.migrate")).toContain(
      "artu.clients.migrate(params: ClientsMigrateParams, body: ClientsMigrateBody, options?: RequestOptions): Promise<ClientsMigrateResult>",
    );
  });

  it("names the helpers: paginators, batch limits, sync planners, narrowing functions", () => {
    expect(section("addresses.listForClient")).toContain(
      "artu.addresses.listForClient.iterate(params: AddressesListForClientParams, options?: RequestOptions): AsyncIterableIterator<AddressesListForClientItem>",
    );
    expect(section("clients.createMany")).toMatch(/Batch: `items` holds at most 250 items per request/);
    const sync = section("clients.sync");
    expect(sync).toContain("`planClientsSync(input: ClientsSyncPlanInput): ClientsSyncPlan`");
    expect(sync).toContain("`documents` (≤ 250 per request, update and delete only)");
    const migrate = section("clients.migrate");
    for (const name of [
      "isClientsMigrateCompleted",
      "isClientsMigrateBlocked",
      "matchClientsMigrateResult",
      "assertClientsMigrateCompleted",
      "ClientsMigrateBlockedError",
      "clientsMigrateVariants",
    ]) {
      expect(migrate).toContain(`\`${name}`);
    }
  });

  it("documents the hand-written exports of both entries, generated ones left to the resource sections", () => {
    const runtime = built.slice(built.indexOf("## Runtime exports"));
    expect(runtime).toContain("function createArtuClient(options: ArtuClientOptions): ArtuClient");
    expect(runtime).toMatch(/\| `ArtuNotFoundError` \| `ArtuApiError` \|/);
    expect(runtime).toContain("function startEmulator(options?: EmulatorOptions): Promise<Emulator>");
    expect(runtime).not.toContain("planClientsSync");
  });

  it("is deterministic", async () => {
    expect(await buildApiDocs(ROOT)).toBe(built);
  }, 60_000);
});

describe("api docs building blocks", () => {
  const migrate = (): ManifestOperation => structuredClone(manifest.operations.find((op) => op.name === "clients.migrate")!);

  it("refuses a manifest operation whose generated helpers are missing, naming the operation and the symbol", () => {
    const exported = new Set(["clientsMigrateOperation", "ClientsMigrateResult", "matchClientsMigrateResult"]);
    expect(() => operationExports(migrate(), exported)).toThrow(/clients\.migrate: generated\/ does not export `clientsMigrateVariants`/);
  });

  it("reads method and paginated signatures from ArtuResources, and exported names", () => {
    const source = `
      import type { PaginatedOperation, RequestOptions } from "../src/internal";
      export type ThingsListItem = { id: string };
      export const thingsGetOperation = {} as const;
      export interface ArtuResources {
        things: {
          /** Get one */
          get(params: ThingsGetParams, options?: RequestOptions): Promise<ThingsGetResult>;
          list: PaginatedOperation<[params: ThingsListParams, body?: ThingsListBody], ThingsListResult, ThingsListItem>;
        };
      }
      export function createResources() {}`;
    expect(Object.fromEntries(readResourceSignatures(source, "operations.ts"))).toEqual({
      "things.get": { kind: "method", params: ["params: ThingsGetParams", "options?: RequestOptions"], result: "Promise<ThingsGetResult>" },
      "things.list": { kind: "paginated", params: ["params: ThingsListParams", "body?: ThingsListBody"], page: "ThingsListResult", item: "ThingsListItem" },
    });
    expect([...readExportedNames(source, "operations.ts")].sort()).toEqual(["ArtuResources", "ThingsListItem", "createResources", "thingsGetOperation"]);
    expect(() => readResourceSignatures("export interface ArtuResources { things: { list: Array<string> } }", "ops.ts")).toThrow(
      /ops\.ts ArtuResources\.things\.list: expected a method or a PaginatedOperation/,
    );
  });

  it("escapes Markdown in spec text but keeps backtick code, and pipes everywhere", () => {
    expect(text("List *all* <b>items</b> | `a | b` and [x]_y_")).toBe("List \\*all\\* \\<b\\>items\\</b\\> \\| `a \\| b` and \\[x\\]\\_y\\_");
  });

  it("refuses a malformed manifest with the file and the JSON pointer", () => {
    const broken = JSON.stringify({ info: { title: "T", version: "1" }, operations: [{ ...migrate(), idempotent: "yes" }] });
    expect(() => parseManifest(broken, "generated/manifest.json")).toThrow("generated/manifest.json#/operations/0/idempotent: expected a boolean");
  });
});

describe("npm run docs", () => {
  it("exits 2 naming the file when generated/ is missing or its manifest is broken", async () => {
    const root = await mkdtemp(join(tmpdir(), "artu-api-docs-"));
    temps.push(root);
    const missing = await run(process.execPath, [TSX, "scripts/build-api-docs.ts", "--dir", root], ROOT);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^docs: generated\/manifest\.json: not found under .*; run `npm run generate` first\n$/);

    await mkdir(join(root, "generated"));
    await Promise.all(
      ["manifest.json", "operations.ts", "helpers.ts"].map((name) => writeFile(join(root, "generated", name), name === "manifest.json" ? "{" : "")),
    );
    const broken = await run(process.execPath, [TSX, "scripts/build-api-docs.ts", "--dir", root], ROOT);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^docs: generated\/manifest\.json: not JSON/);
  }, 60_000);
});

describe("npm run generate and docs/api.md", () => {
  it("leaves the project's docs/api.md alone, unbuilt, when generating another spec elsewhere", async () => {
    const out = await mkdtemp(join(tmpdir(), "artu-generate-elsewhere-"));
    temps.push(out);
    const docs = join(ROOT, API_DOCS_FILE);
    const before = { text: await readFile(docs, "utf8"), mtime: (await stat(docs)).mtimeMs };
    const result = await run("npm", ["run", "-s", "generate", "--", "--spec", "test/fixtures/drift/identical/base.json", "--out", join(out, "client")], ROOT);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^generate: \d+ operations from test\/fixtures\/drift\/identical\/base\.json/);
    expect(result.stdout).not.toMatch(/^docs:/m);
    expect({ text: await readFile(docs, "utf8"), mtime: (await stat(docs)).mtimeMs }).toEqual(before);
  }, 120_000);

  it("is rebuilt by generate only for the project's own snapshot into its own generated/", () => {
    const spec = join(ROOT, "openapi/artu.json");
    const out = join(ROOT, "generated");
    expect(generatesProjectClient(spec, out, ROOT)).toBe(true);
    expect(generatesProjectClient(`${spec}`, `${out}/`, ROOT)).toBe(true);
    expect(generatesProjectClient(join(ROOT, "test/fixtures/drift/identical/base.json"), out, ROOT)).toBe(false);
    expect(generatesProjectClient(spec, join(tmpdir(), "generated"), ROOT)).toBe(false);
  });
});
