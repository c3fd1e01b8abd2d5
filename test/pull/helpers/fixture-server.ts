/**
 * A real HTTP server on 127.0.0.1 serving the pull fixtures and the ways a
 * docs site or a network misbehaves. Routes: `/<scenario>/<file>`.
 *   good/…        the fixture file from test/fixtures/pull/{good,bad,changed}
 *   html/…        200 text/html (what docs sites answer for unknown paths)
 *   truncated/…   200 with the first half of the good document
 *   error500/…    always 500
 *   flaky/…       500 on the first request per path, then the good document
 *   hang/…        never answers
 *   stall/…       sends headers and part of the body, then never finishes
 *   missing/…     404
 */
import { readFileSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/pull");

export interface FixtureServer {
  readonly base: string;
  /** Requests received, per URL path. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

function fixtureText(file: string): string | undefined {
  for (const folder of ["good", "bad", "changed"]) {
    const path = join(FIXTURES, folder, file);
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  return undefined;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const [, scenario = "", ...rest] = path.split("/");
    const file = rest.join("/");
    const folder = scenario === "good" || scenario === "bad" || scenario === "changed" ? scenario : undefined;
    const text = folder ? readIfExists(join(FIXTURES, folder, file)) : fixtureText(file);
    const json = (body: string) => response.writeHead(200, { "content-type": "application/json" }).end(body);
    switch (folder ? "file" : scenario) {
      case "file":
        return text === undefined ? response.writeHead(404).end("not found") : json(text);
      case "html":
        return response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end("<!DOCTYPE html><html><head><title>ARTU Docs</title></head><body>Page not found</body></html>");
      case "truncated":
        return json(text!.slice(0, Math.floor(text!.length / 2)));
      case "error500":
        return response.writeHead(500, { "content-type": "text/plain" }).end("internal error");
      case "flaky":
        return count === 1 ? response.writeHead(503).end("try again") : json(text!);
      case "hang":
        return; // never answer
      case "stall":
        response.writeHead(200, { "content-type": "application/json", "content-length": String(text!.length) });
        response.write(text!.slice(0, 10));
        return; // never finish the body
      default:
        return response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
