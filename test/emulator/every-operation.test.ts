/**
 * Every operation of the ARTU snapshot, called once with a request sampled
 * from its own schemas (required fields only), in `live`, with response
 * validation on: none answers 501 or 500, and every request passes schema
 * validation, so what does not answer 200 is a stateful answer (404 for a
 * record the empty data set does not hold, a semantic 400).
 */
import { sample } from "openapi-sampler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import artu from "../../openapi/artu.json";
import type { Emulator } from "../../src/emulator/index";
import { readOperations, type SpecOperation } from "../../src/emulator/spec-operations";
import { api, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 13 });
});
afterAll(() => emulator.stop());

const OPTIONS = { skipReadOnly: true, skipNonRequired: true, enablePatterns: true, quiet: true };
const sampled = (schema: object): unknown => sample(schema as never, OPTIONS, artu);

function requestOf(operation: SpecOperation): { path: string; body: unknown } {
  const value = (name: string) => operation.parameters.find((p) => p.name === name && p.in === "path")!.schema;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(sampled(value(name)))));
  const query = operation.parameters
    .filter((p) => p.in === "query" && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampled(p.schema)))}`)
    .join("&");
  return { path: query ? `${path}?${query}` : path, body: operation.requestBody ? sampled(operation.requestBody.schema) : undefined };
}

describe("every snapshot operation", () => {
  it("answers from the engine or a layer: no 501, no 500, no request rejected by the schema", async () => {
    const live = api(emulator, "live");
    const statuses: Record<string, string[]> = {};
    for (const operation of readOperations(artu)) {
      const { path, body } = requestOf(operation);
      const reply = await live.call(operation.method.toUpperCase(), path, body);
      const key = reply.status === 400 && String(reply.body.message).startsWith("invalid request") ? "schema-400" : String(reply.status);
      (statuses[key] ??= []).push(operation.operationId);
    }
    expect(Object.keys(statuses).sort()).toEqual(["200", "400", "404"]);
    expect(statuses["400"]).toEqual(["clients.sync"]); // `client` is required when `clientId` is absent (a layer rule)
    expect(statuses["200"]!.length).toBeGreaterThanOrEqual(40);
  });
});
