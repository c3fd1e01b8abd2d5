/**
 * One parameter name in two locations (issue 13 §1; Kubernetes has `path` as
 * a path and a query parameter): the first of path, query, header keeps the
 * name in the flat params object, the others are keyed `<location><Name>`;
 * the generated types say so, and the client sends each under its own name
 * (checked over real HTTP on 127.0.0.1). Operations without a clash keep the
 * plain flat form.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "../client/support/server";
import { generatedClient, removeTempDirs, spec, tempDir, typecheck } from "./support";

const USAGE = `
import type { ArtuResources } from "./generated/index";

export async function use(api: ArtuResources): Promise<void> {
  await api.things.get({ id: "a", queryId: "b", headerId: "c", limit: 1 });
  await api.proxy.get({ path: "p", queryPath: "/q" });
  await api.proxy.plain({ id: "x", q: "y" });
  // @ts-expect-error the query parameter "id" is keyed queryId
  await api.things.get({ id: "a", limit: 1 });
  // @ts-expect-error no structured form: the flat object only
  await api.proxy.get({ path: { path: "p" }, query: { path: "q" } });
}
`;

describe("a parameter name in two locations", () => {
  let root: string;
  let server: TestServer;
  let api: Record<string, Record<string, (params: object) => Promise<unknown>>>;

  beforeAll(async () => {
    root = await tempDir("param-clash-");
    server = await startServer((_, response) => json(response, 200, {}));
    api = await generatedClient<typeof api>(spec("param-collision.json"), root, USAGE, server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await removeTempDirs();
  });

  it("declares the renames in the descriptor and the params type", async () => {
    const operations = await readFile(join(root, "generated", "operations.ts"), "utf8");
    expect(operations).toContain('export type ThingsGetParams = OperationParams<ThingsGetOp, { query: { id: "queryId" }; header: { id: "headerId" } }>;');
    expect(operations).toContain('wireNames: { queryId: "id", headerId: "id" }');
    expect(operations).toContain("export type ProxyPlainParams = OperationParams<ProxyPlainOp>;");
  });

  it("type-checks the flat form with the location-prefixed keys", async () => {
    expect(await typecheck(root, [join(root, "generated", "index.ts"), join(root, "use.ts")])).toEqual([]);
  }, 120_000);

  it("sends each parameter under its own name in its own location", async () => {
    await api.things!.get!({ id: "a b", queryId: "q", headerId: "h", limit: 2 });
    await api.proxy!.get!({ path: "p", queryPath: "/etc" });
    await api.proxy!.plain!({ id: "x", q: "y" });
    expect(server.requests.map((request) => request.url)).toEqual(["/things/a%20b?id=q&limit=2", "/proxy/p?path=%2Fetc", "/plain/x?q=y"]);
    expect(server.requests[0]!.headers.id).toBe("h");
  });

  it("refuses the wire name as a flat key (it would be ambiguous)", async () => {
    await expect(api.proxy!.get!({ path: "p", query: "x" })).rejects.toThrow('proxy.get: unknown parameter "query"');
  });
});
