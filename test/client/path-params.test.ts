/**
 * Path parameters can never make a request reach another operation: every
 * generated operation with path parameters is called, through its generated
 * method, with each hostile value in each parameter, against a server on
 * 127.0.0.1 that records what arrives. Nothing may arrive.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as generated from "../../generated/operations";
import { createArtuClient, ArtuError, type ArtuClient, type OperationDescriptor } from "../../src/index";
import { hasDotSegment } from "../../src/client/path-template";
import { json, startServer, type TestServer } from "./support/server";
import { API_KEY } from "./support/descriptors";

/** Values that are, or decode to, a "." or ".." segment. */
const DOT_SEGMENTS = [".", "..", "%2e", "%2E%2e", ".%2e", "%252e%252e", "../clients", "x/..", "..\\x", "x%2F..", "%2e%2e%2fx"];

const operationsWithPathParams = (Object.values(generated) as unknown[]).filter(
  (value): value is OperationDescriptor =>
    typeof value === "object" && value !== null && "operationId" in value && (value as OperationDescriptor).pathParams.length > 0,
);

let server: TestServer;
let artu: ArtuClient;
let withMiddleware: ArtuClient;
beforeAll(async () => {
  server = await startServer((_, response) => json(response, 200, {}));
  artu = createArtuClient({ apiKey: API_KEY, environment: "test", baseUrl: server.url, maxRetries: 0 });
  withMiddleware = createArtuClient({
    apiKey: API_KEY,
    environment: "test",
    baseUrl: server.url,
    maxRetries: 0,
    middleware: [{ onRequest: () => undefined }],
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** The generated method of `operation` on `client` ("clients.unlink" → client.clients.unlink). */
function methodOf(client: ArtuClient, operation: OperationDescriptor): (...args: unknown[]) => Promise<unknown> {
  const [namespace, name] = operation.operationId.split(".") as [string, string];
  const method = (client as unknown as Record<string, Record<string, unknown>>)[namespace]?.[name];
  if (typeof method !== "function") throw new Error(`no generated method for ${operation.operationId}`);
  return method as (...args: unknown[]) => Promise<unknown>;
}

function argsFor(operation: OperationDescriptor, params: Record<string, unknown>): unknown[] {
  return operation.args.map((arg) => (arg === "params" ? params : {}));
}

describe("dot segments in path parameters", () => {
  it("the table covers every generated operation with path parameters", () => {
    expect(operationsWithPathParams.length).toBeGreaterThan(40);
    expect(operationsWithPathParams.map((op) => op.operationId)).toContain("clients.unlink");
  });

  it("are refused before anything is sent, naming the operation and the parameter, for every operation", async () => {
    let calls = 0;
    for (const operation of operationsWithPathParams) {
      for (const client of [artu, withMiddleware]) {
        const method = methodOf(client, operation);
        for (const param of operation.pathParams) {
          for (const value of DOT_SEGMENTS) {
            const params = Object.fromEntries(operation.pathParams.map((name) => [name, name === param ? value : "p_1"]));
            const error = await method(...argsFor(operation, params)).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error, `${operation.operationId} ${param}=${value}`).toBeInstanceOf(ArtuError);
            expect((error as Error).message).toBe(
              `${operation.operationId}: path parameter "${param}" is ${JSON.stringify(value)}, a "." or ".." segment (possibly percent-encoded) ` +
                `that would make the URL reach another path; nothing was sent`,
            );
            calls++;
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(operationsWithPathParams.length * DOT_SEGMENTS.length);
    expect(server.requests).toEqual([]);
  });

  it("clients.unlink with childClientId '..' does not reach DELETE /clients/{parent} (clients.delete)", async () => {
    await expect(artu.clients.unlink({ parentClientId: "cli_1", childClientId: ".." } as never)).rejects.toThrow(
      /clients\.unlink: path parameter "childClientId" is "\.\."/,
    );
    expect(server.requests).toEqual([]);
  });

  it("other reserved characters are percent-encoded into one segment, and dots inside an id are fine", async () => {
    const values = ["a/b", "a?b=1", "a#b", "a b", "a%2Fb", "...", "v1.2", ".hidden", "a..b", "%", "100%"];
    for (const id of values) await artu.clients.retrieve({ id });
    expect(server.requests.map((r) => r.url)).toEqual(values.map((id) => `/clients/${encodeURIComponent(id)}`));
    expect(server.requests.map((r) => decodeURIComponent(r.url.slice("/clients/".length)))).toEqual(values);
  });

  it("artu.raw refuses them too", async () => {
    for (const value of DOT_SEGMENTS) {
      await expect(
        artu.raw.DELETE("/clients/{parentClientId}/children/{childClientId}" as never, { params: { path: { parentClientId: "p", childClientId: value } } } as never),
      ).rejects.toThrow(`artu.raw: path parameter "childClientId" is ${JSON.stringify(value)}, a "." or ".." segment`);
    }
    await artu.raw.GET("/clients/{id}", { params: { path: { id: "a/b" } } });
    expect(server.requests.map((r) => r.url)).toEqual(["/clients/a%2Fb"]);
  });

  it("an empty string is refused as before", async () => {
    await expect(artu.clients.retrieve({ id: "" })).rejects.toThrow('clients.retrieve: path parameter "id" is required and was an empty string');
    expect(server.requests).toEqual([]);
  });
});

describe("hasDotSegment", () => {
  it.each([
    [".", true],
    ["..", true],
    ["%2e%2E", true],
    ["%25252e", true],
    ["a/./b", true],
    ["%zz/..", true],
    ["%zz%2e%2e", false],
    ["...", false],
    ["a.b", false],
    ["%2e%2e%2e", false],
    ["cli_123", false],
  ])("%s → %s", (value, expected) => {
    expect(hasDotSegment(value)).toBe(expected);
  });
});
