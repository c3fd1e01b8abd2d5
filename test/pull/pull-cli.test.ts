/**
 * The pull CLI end to end: a child process against a real HTTP server on
 * 127.0.0.1, writing into a temporary snapshot directory (never openapi/).
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, startFixtureServer, type FixtureServer } from "./helpers/fixture-server";
import { copyDir, makeTempDir, removeDir, runPull, snapshotDir } from "./helpers/run-pull";

let server: FixtureServer;
/** A snapshot pulled from the good fixtures; each test works on its own copy. */
let baseline: string;
const temps: string[] = [];

const good = (name: string) => `${server.base}/good/${name}`;
const goodPair = () => ["--from", good("owners.json"), "--from", good("pets.json")];

async function copyOfBaseline(): Promise<string> {
  const dir = await makeTempDir("copy");
  temps.push(dir);
  await copyDir(baseline, dir);
  return dir;
}

beforeAll(async () => {
  server = await startFixtureServer();
  baseline = await makeTempDir("baseline");
  temps.push(baseline);
  await copyDir(join(FIXTURES, "sources.config.json"), join(baseline, "sources.config.json"));
  const result = await runPull(["--from", `${server.base}/good/`, "--dir", baseline]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
});

afterAll(async () => {
  await server.close();
  await Promise.all(temps.map(removeDir));
});

describe("a good pull", () => {
  it("writes the normalized sources, the merged document and the provenance table", async () => {
    const snapshot = await snapshotDir(baseline);
    expect([...snapshot.keys()].sort()).toEqual(["README.md", "artu.json", "sources.config.json", "sources/owners.json", "sources/pets.json"]);
    const merged = JSON.parse(await readFile(join(baseline, "artu.json"), "utf8"));
    expect(Object.keys(merged.paths)).toEqual(["/owners", "/owners/{id}", "/pets/list", "/pets/{id}"]);
    expect(Object.keys(merged.components.schemas)).toEqual(["Owner", "Pagination", "Pet"]);
    const readme = await readFile(join(baseline, "README.md"), "utf8");
    expect(readme).toContain("| `pets.list` | `POST /pets/list` | docs-yaml | `sources/pets.json` | api-reference__pets__list.source.md<br>api-reference__pets__list.md | response: the list convention |");
    expect(readme).toContain("body: the Owner fields \\| all optional");
  });

  it("reads the documents of the config list from a base URL by default, with a summary of what was added", async () => {
    const dir = await makeTempDir("default");
    temps.push(dir);
    const config = { baseUrl: `${server.base}/good/`, documents: ["owners.json", "pets.json"] };
    await writeFile(join(dir, "sources.config.json"), JSON.stringify(config));
    const result = await runPull(["--dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 document(s), 4 operation(s): 4 added, 0 removed, 0 changed");
    expect(result.stdout).toContain("+ pets.delete (DELETE /pets/{id})");
    expect(await readFile(join(dir, "artu.json"), "utf8")).toBe(await readFile(join(baseline, "artu.json"), "utf8"));
  });

  it("rebuilds byte for byte from its own sources directory, and --check then reports it up to date", async () => {
    const dir = await copyOfBaseline();
    const before = await snapshotDir(dir);
    const rebuilt = await runPull(["--from", join(dir, "sources"), "--dir", dir]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain("snapshot already up to date");
    expect(await snapshotDir(dir)).toEqual(before);
    const check = await runPull(["--check", "--from", join(dir, "sources"), "--dir", dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("is up to date");
  });

  it("recovers from a 5xx answer by retrying", async () => {
    const dir = await copyOfBaseline();
    const result = await runPull(["--from", `${server.base}/flaky/owners.json`, "--from", good("pets.json"), "--dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${server.base}/flaky/owners.json: HTTP 503`);
    expect(result.stderr).toContain("retrying");
    expect(server.hits.get("/flaky/owners.json")).toBe(2);
    expect(await readFile(join(dir, "artu.json"), "utf8")).toBe(await readFile(join(baseline, "artu.json"), "utf8"));
  });
});

describe("--check", () => {
  it("exits 1 and writes nothing when the sources changed, listing the operations that would change", async () => {
    const dir = await copyOfBaseline();
    const before = await snapshotDir(dir);
    const result = await runPull(["--check", "--from", good("owners.json"), "--from", `${server.base}/changed/pets.json`, "--dir", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("out of date");
    expect(result.stdout).toContain(`${join(dir, "artu.json")} (differs)`);
    expect(result.stdout).toContain("1 added, 1 removed, 1 changed");
    expect(result.stdout).toContain("+ pets.create (POST /pets)");
    expect(result.stdout).toContain("- pets.delete (DELETE /pets/{id})");
    expect(result.stdout).toContain("~ pets.list (POST /pets/list)");
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it("exits 1 on a stale provenance table alone", async () => {
    const dir = await copyOfBaseline();
    const readme = join(dir, "README.md");
    await writeFile(readme, (await readFile(readme, "utf8")).replace("docs-yaml", "docs-page"));
    const result = await runPull(["--check", ...goodPair(), "--dir", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${readme} (differs)`);
    expect(result.stdout).toContain("0 added, 0 removed, 0 changed");
  });
});

describe("bad input: exit 2, a message naming the source and the pointer, nothing written", () => {
  const cases: { name: string; from: () => string[]; message: (base: string) => RegExp[]; env?: Record<string, string> }[] = [
    {
      name: "an HTML 200 page",
      from: () => ["--from", `${server.base}/html/owners.json`, "--from", good("pets.json")],
      message: (base) => [new RegExp(`${esc(base)}/html/owners\\.json#: got HTML, not JSON`)],
    },
    {
      name: "a truncated body",
      from: () => ["--from", good("owners.json"), "--from", `${server.base}/truncated/pets.json`],
      message: (base) => [new RegExp(`${esc(base)}/truncated/pets\\.json#: invalid JSON: .*truncated`)],
    },
    {
      name: "a persistent 500 (retried, then failing)",
      from: () => ["--from", `${server.base}/error500/owners.json`, "--from", good("pets.json")],
      message: (base) => [new RegExp(`${esc(base)}/error500/owners\\.json: HTTP 500 Internal Server Error \\(gave up after 3 attempt\\(s\\)\\)`)],
    },
    {
      name: "a response that never comes (timeout)",
      from: () => ["--from", `${server.base}/hang/owners.json`, "--from", good("pets.json"), "--timeout", "300"],
      message: (base) => [new RegExp(`${esc(base)}/hang/owners\\.json: network error: no complete response within 300 ms \\(timeout\\) \\(gave up after 3`)],
    },
    {
      name: "a body that stalls halfway (timeout)",
      from: () => ["--from", good("owners.json"), "--from", `${server.base}/stall/pets.json`],
      env: { ARTU_PULL_TIMEOUT_MS: "300", ARTU_PULL_ATTEMPTS: "2" },
      message: (base) => [new RegExp(`${esc(base)}/stall/pets\\.json: network error: no complete response within 300 ms \\(timeout\\) \\(gave up after 2`)],
    },
    {
      name: "a 404",
      from: () => ["--from", `${server.base}/missing/owners.json`],
      message: (base) => [new RegExp(`${esc(base)}/missing/owners\\.json: HTTP 404 Not Found$`, "m")],
    },
    {
      name: "a Swagger 2.0 document",
      from: () => [...goodPair(), "--from", `${server.base}/bad/swagger2.json`],
      message: (base) => [new RegExp(`${esc(base)}/bad/swagger2\\.json#/swagger: Swagger 2\\.0 is not supported`)],
    },
    {
      name: "an invalid OpenAPI 3.1 document",
      from: () => [...goodPair(), "--from", `${server.base}/bad/invalid-schema.json`],
      message: (base) => [new RegExp(`${esc(base)}/bad/invalid-schema\\.json#/components/schemas/Pet/properties/species/type: invalid OpenAPI document: .*\\[struct\\]`)],
    },
    {
      name: "a dangling $ref",
      from: () => [...goodPair(), "--from", `${server.base}/bad/dangling-ref.json`],
      message: (base) => [
        new RegExp(`${esc(base)}/bad/dangling-ref\\.json#/paths/~1pets~1list/post/responses/200/content/application~1json/schema/properties/data/items \\(operation pets\\.list\\): dangling \\$ref "#/components/schemas/Animal"`),
      ],
    },
    {
      name: "a conflicting duplicate component",
      from: () => [...goodPair(), "--from", `${server.base}/bad/conflicting-component.json`],
      message: (base) => [/#\/components\/schemas\/Pagination: component differs/, new RegExp(`${esc(base)}/good/(owners|pets)\\.json`), new RegExp(`${esc(base)}/bad/conflicting-component\\.json`)],
    },
    {
      name: "a duplicate operationId",
      from: () => [...goodPair(), "--from", `${server.base}/bad/duplicate-operation-id.json`],
      message: (base) => [
        new RegExp(`${esc(base)}/good/owners\\.json#/paths/~1owners~1\\{id\\}/get \\(operation owners\\.retrieve\\): duplicate operationId "owners\\.retrieve"`),
        new RegExp(`also used by ${esc(base)}/bad/duplicate-operation-id\\.json#/paths/~1pets~1again/get`),
      ],
    },
    {
      name: "the same path and method in two documents",
      from: () => [...goodPair(), "--from", `${server.base}/bad/duplicate-path-method.json`],
      message: (base) => [new RegExp(`#/paths/~1owners/post .*POST /owners is also defined by ${esc(base)}/bad/duplicate-path-method\\.json`)],
    },
    {
      name: "a differing shared info object",
      from: () => [...goodPair(), "--from", `${server.base}/bad/different-info.json`],
      message: (base) => [new RegExp(`#/info: top-level "info" differs from the one in ${esc(base)}/bad/different-info\\.json`)],
    },
  ];

  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, async () => {
      const dir = await copyOfBaseline();
      const before = await snapshotDir(dir);
      const result = await runPull([...testCase.from(), "--dir", dir], testCase.env);
      expect(result.code, result.stderr).toBe(2);
      for (const pattern of testCase.message(server.base)) expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toContain("internal failure");
      expect(result.stdout).toBe("");
      expect(await snapshotDir(dir)).toEqual(before);
    });
  }

  it("retries a persistent 500 exactly the bounded number of times", () => {
    expect(server.hits.get("/error500/owners.json")).toBe(3);
    expect(server.hits.get("/hang/owners.json")).toBe(3);
  });

  it("names the URL of an unreachable base (the default run without network)", async () => {
    const dir = await copyOfBaseline();
    const closed = await startFixtureServer();
    const base = closed.base;
    await closed.close();
    await writeFile(join(dir, "sources.config.json"), JSON.stringify({ baseUrl: `${base}/`, documents: ["owners.json"] }));
    const before = await snapshotDir(dir);
    const result = await runPull(["--dir", dir], { ARTU_PULL_ATTEMPTS: "2" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${esc(base)}/owners\\.json: network error: .*ECONNREFUSED.*gave up after 2`));
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it("leaves the previous snapshot intact when a file cannot be written", async () => {
    const dir = await copyOfBaseline();
    await rm(join(dir, "sources"), { recursive: true });
    await writeFile(join(dir, "sources"), "a file where the sources directory belongs\n");
    const before = await snapshotDir(dir);
    const result = await runPull(["--from", good("owners.json"), "--from", `${server.base}/changed/pets.json`, "--dir", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sources\/owners\.json: cannot write .*previous snapshot is left unchanged/);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
