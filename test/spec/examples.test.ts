/**
 * Every example fixture (test/fixtures/examples/<operationId>.json) must be a
 * valid request body / success response of its operation, as defined by the
 * source document in openapi/sources/ that contains the operationId. This is
 * what keeps the hand-reconstructed snapshot honest against the docs pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { HTTP_METHODS } from "../../src/core/operation";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCES_DIR = join(ROOT, "openapi/sources");
const FIXTURES_DIR = join(ROOT, "test/fixtures/examples");

interface Fixture {
  operationId: string;
  source: string;
  request?: unknown;
  response?: unknown;
}

interface LocatedOperation {
  /** File name under openapi/sources/. */
  document: string;
  method: string;
  path: string;
  /** JSON pointer of the request body schema, if the operation takes one. */
  requestSchemaPointer?: string;
  /** JSON pointer of the lowest 2xx application/json response schema, if any. */
  responseSchemaPointer?: string;
}

type JsonObject = Record<string, unknown>;

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

function loadSources(): Map<string, JsonObject> {
  const documents = new Map<string, JsonObject>();
  for (const name of readdirSync(SOURCES_DIR).filter((file) => file.endsWith(".json")).sort()) {
    documents.set(name, readJson(join(SOURCES_DIR, name)) as JsonObject);
  }
  return documents;
}

/** operationId → where its schemas live. Throws on an operationId defined twice. */
function indexOperations(documents: Map<string, JsonObject>): Map<string, LocatedOperation> {
  const index = new Map<string, LocatedOperation>();
  for (const [document, spec] of documents) {
    const paths = (spec.paths ?? {}) as Record<string, JsonObject>;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS) {
        const operation = item[method] as JsonObject | undefined;
        if (!operation || typeof operation.operationId !== "string") continue;
        const previous = index.get(operation.operationId);
        if (previous) {
          throw new Error(
            `operationId "${operation.operationId}" is defined twice: ${previous.document} ${previous.method.toUpperCase()} ${previous.path} and ${document} ${method.toUpperCase()} ${path}`,
          );
        }
        const base = `/paths/${escapePointer(path)}/${method}`;
        const requestBody = operation.requestBody as { content?: JsonObject } | undefined;
        const responses = (operation.responses ?? {}) as Record<string, { content?: JsonObject }>;
        const success = Object.keys(responses).filter((code) => /^2\d\d$/.test(code)).sort()[0];
        index.set(operation.operationId, {
          document,
          method,
          path,
          requestSchemaPointer: requestBody?.content?.["application/json"]
            ? `${base}/requestBody/content/application~1json/schema`
            : undefined,
          responseSchemaPointer:
            success && responses[success]?.content?.["application/json"]
              ? `${base}/responses/${success}/content/application~1json/schema`
              : undefined,
        });
      }
    }
  }
  return index;
}

/** One Ajv instance holding every source document, so local `#/components/...` refs resolve. */
function createValidatorFactory(documents: Map<string, JsonObject>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  for (const [name, spec] of documents) ajv.addSchema(spec, documentUri(name));
  return (document: string, pointer: string) => {
    const validate = ajv.getSchema(`${documentUri(document)}#${pointer}`);
    if (!validate) throw new Error(`${document}#${pointer}: no schema at this pointer`);
    return (value: unknown): string[] =>
      validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  };
}

const documentUri = (name: string) => `https://artu.snapshot/${name}`;

const documents = loadSources();
const operations = indexOperations(documents);
const validatorFor = createValidatorFactory(documents);
const fixtureFiles = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith(".json")).sort();

/** Problems with one fixture; empty when it matches its operation. */
function checkFixture(file: string, fixture: Fixture): string[] {
  const operation = operations.get(fixture.operationId);
  if (!operation) return [`${file}: operationId "${fixture.operationId}" is in no document under openapi/sources/`];
  const where = `${file} (${operation.document} ${operation.method.toUpperCase()} ${operation.path})`;
  const problems: string[] = [];
  if (fixture.request === undefined && fixture.response === undefined) problems.push(`${where}: has neither request nor response`);
  if (fixture.request !== undefined) {
    if (!operation.requestSchemaPointer) problems.push(`${where}: has a request but the operation takes no JSON body`);
    else problems.push(...validatorFor(operation.document, operation.requestSchemaPointer)(fixture.request).map((p) => `${where} request ${p}`));
  }
  if (fixture.response !== undefined) {
    if (!operation.responseSchemaPointer) problems.push(`${where}: has a response but the operation has no JSON success response`);
    else problems.push(...validatorFor(operation.document, operation.responseSchemaPointer)(fixture.response).map((p) => `${where} response ${p}`));
  }
  return problems;
}

function loadFixture(file: string): Fixture {
  const fixture = readJson(join(FIXTURES_DIR, file)) as Fixture;
  expect(typeof fixture.operationId, `${file}: operationId must be a string`).toBe("string");
  expect(typeof fixture.source, `${file}: source must be a string`).toBe("string");
  return fixture;
}

describe("example fixtures validate against the source documents", () => {
  it("finds source documents and fixtures", () => {
    expect(documents.size).toBeGreaterThan(0);
    expect(fixtureFiles.length).toBeGreaterThan(0);
  });

  it.each(fixtureFiles)("%s", (file) => {
    const fixture = loadFixture(file);
    expect(file, "fixture file name must be <operationId>.json").toBe(`${fixture.operationId}.json`);
    expect(checkFixture(file, fixture)).toEqual([]);
  });
});

describe("the validation rejects what it should", () => {
  it("rejects a real response fixture with a field of the wrong type", () => {
    const fixture = loadFixture("clients.promote.json");
    const broken = structuredClone(fixture) as Fixture & { response: JsonObject };
    broken.response.isPrimary = "yes";
    expect(checkFixture("clients.promote.json", fixture)).toEqual([]);
    const problems = checkFixture("clients.promote.json", broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("response /isPrimary must be boolean");
  });

  it("rejects a real request fixture with a wrong nested type", () => {
    const fixture = loadFixture("clients.sync.json");
    const broken = structuredClone(fixture) as Fixture & { request: { addresses: JsonObject[] } };
    broken.request.addresses[0]!.id = 42;
    const problems = checkFixture("clients.sync.json", broken);
    expect(problems.some((p) => p.includes("request /addresses/0/id must be string"))).toBe(true);
  });

  it("reports a fixture whose operationId is in no document", () => {
    const problems = checkFixture("nope.json", { operationId: "clients.nonexistent", source: "x", response: {} });
    expect(problems).toEqual(['nope.json: operationId "clients.nonexistent" is in no document under openapi/sources/']);
  });
});
