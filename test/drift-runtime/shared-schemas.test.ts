/**
 * What the drift validators are compiled from since they became cheap to
 * compile (scripts/lib/emit/shared-schemas.ts, validatorsInput, the worker's
 * Ajv options): repeated composite subschemas shared through `$ref`s,
 * operations with the same response schema sharing one validator, Ajv
 * without its optimizer and with `required` as a loop. None of it may change
 * what the client reports: property-style, each operation's validator is
 * compared with Ajv (default options) on the plain closed copy
 * (closeSchemas, as before) over generated responses and mutations of them
 * (unknown properties, wrong types, nulls, unknown enum values, missing
 * properties): the same verdict, the same errors (instancePath, keyword,
 * params, in order) and the same divergences.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeSchemas, DEFS_ID, defsRef } from "../../scripts/lib/emit/closed-schema";
import { shareSubschemas } from "../../scripts/lib/emit/shared-schemas";
import { DRIFT_AJV_OPTIONS } from "../../scripts/lib/emit/validators-ajv.mjs";
import { checkedOperations, validatorExportName, validatorsInputFor } from "../../scripts/lib/emit/validators";
import { buildApiModel } from "../../scripts/lib/model/build";
import type { OperationModel } from "../../scripts/lib/model/types";
import { loadOpenApiFile, type OpenApiDocument } from "../../scripts/lib/spec/load";
import { divergencesOf } from "../../src/drift/divergences";
import { removeTempDirs, ROOT, runGenerate, tempDir } from "../generate/support";

afterAll(removeTempDirs);

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

type Schema = Record<string, unknown>;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMAT_SAMPLES: Record<string, unknown> = {
  "date-time": "2025-01-02T03:04:05Z",
  date: "2025-01-02",
  uri: "https://example.com/a",
  email: "a@example.com",
  uuid: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  int32: 7,
  int64: 7,
};

/** A response the closed schema (mostly) accepts: follows `$ref`s, picks union members, fills objects. */
function sampler(defs: Readonly<Record<string, unknown>>, next: () => number) {
  const resolve = (ref: string): unknown => defs[decodeURIComponent(ref.slice(`${DEFS_ID}#/$defs/`.length)).replace(/~1/g, "/").replace(/~0/g, "~")];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sample = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node !== "object") return node === false ? "x" : {};
    const schema = node as Schema;
    if (depth > 7) return null;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return pick(schema.enum);
    let value: unknown;
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
    const type = types.length > 0 ? pick(types.filter((candidate) => candidate !== "null").concat(next() < 0.1 ? ["null"] : [])) ?? "null" : undefined;
    if (typeof schema.$ref === "string") value = sample(resolve(schema.$ref), depth + 1);
    for (const member of (schema.allOf as unknown[] | undefined) ?? []) value = merge(value, sample(member, depth + 1));
    const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (union) value = merge(value, sample(pick(union), depth + 1));
    if (schema.if !== undefined && schema.then !== undefined && next() < 0.5) value = merge(value, sample(schema.then, depth + 1));
    if (schema.properties || type === "object") {
      const object: Record<string, unknown> = {};
      for (const [name, child] of Object.entries((schema.properties as Schema | undefined) ?? {})) {
        const required = Array.isArray(schema.required) && schema.required.includes(name);
        if (required || next() < 0.7) object[name] = sample(child, depth + 1);
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === "object" && next() < 0.5) object.extra = sample(schema.additionalProperties, depth + 1);
      value = merge(value, object);
    } else if (schema.items !== undefined || type === "array") {
      value = Array.from({ length: Math.floor(next() * 3) }, () => sample(schema.items ?? {}, depth + 1));
    } else if (value === undefined) {
      if (type === "null") value = null;
      else if (type === "integer" || type === "number") value = typeof schema.format === "string" && schema.format in FORMAT_SAMPLES ? FORMAT_SAMPLES[schema.format] : 3;
      else if (type === "boolean") value = true;
      else if (type === "string") value = typeof schema.format === "string" && schema.format in FORMAT_SAMPLES ? FORMAT_SAMPLES[schema.format] : "text";
    }
    return value === undefined ? {} : value;
  };
  return (schema: unknown) => sample(schema, 0);
}

function merge(left: unknown, right: unknown): unknown {
  if (left === undefined) return right;
  if (isPlainObject(left) && isPlainObject(right)) return { ...left, ...right };
  return right === undefined ? left : right;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The sample and variants of it with one thing changed at a random place. */
function mutations(value: unknown, next: () => number): unknown[] {
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach((child, index) => (places.push({ parent: node, key: index }), walk(child)));
    else if (isPlainObject(node)) for (const [key, child] of Object.entries(node)) places.push({ parent: node, key }), walk(child);
  };
  const variants: unknown[] = [value];
  const changes: ((current: unknown) => unknown)[] = [
    () => null,
    (current) => (typeof current === "string" ? 5 : "surprise"),
    (current) => (isPlainObject(current) ? { ...current, unknownField: 1 } : Array.isArray(current) ? [...current, { unknownField: 1 }] : current),
    (current) => (typeof current === "string" ? "not-a-known-value" : current),
    () => undefined,
    () => ({ unknownField: true }),
    () => [],
  ];
  for (let round = 0; round < 8; round++) {
    const copy = structuredClone(value);
    places.length = 0;
    walk(copy);
    const change = changes[Math.floor(next() * changes.length)]!;
    if (places.length === 0 || next() < 0.15) {
      variants.push(change(copy));
      continue;
    }
    const { parent, key } = places[Math.floor(next() * places.length)]!;
    const changed = change((parent as Record<string, unknown>)[key as string]);
    if (changed === undefined && !Array.isArray(parent)) delete parent[key as string];
    else (parent as Record<string, unknown>)[key as string] = changed;
    variants.push(copy);
  }
  if (isPlainObject(value)) variants.push({ ...value, topLevelUnknown: "x" });
  return variants;
}

const verdict = (validate: ValidateFunction, data: unknown) => {
  const valid = validate(data);
  const errors = (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
  return { valid, errors, divergences: valid ? [] : divergencesOf(errors, data) };
};

/**
 * Compares, for every operation, the validator as generated now with Ajv on
 * the plain closed copy. Returns the number of responses checked.
 */
function compareForms(document: OpenApiDocument, operations: readonly OperationModel[], seed: number): number {
  // As the validators were compiled before: one schema holding the closed
  // definitions and, under "operation:<id>", each operation's closed
  // response schema; Ajv's default code options.
  const closed = closeSchemas(document, operations.map((op) => op.response!.schemaPointer), String(document.openapi ?? ""));
  const plain: Record<string, unknown> = { ...(closed.defs as { $defs: Record<string, unknown> }).$defs };
  operations.forEach((op, index) => (plain[`operation:${op.operationId}`] = closed.roots[index]));
  const before = new Ajv2020({ allErrors: true, strict: false, messages: false, inlineRefs: false, validateSchema: false, logger: false });
  addFormats(before);
  before.addSchema({ $id: DEFS_ID, $defs: plain });

  const input = validatorsInputFor(document, operations);
  const after = new Ajv2020({ ...DRIFT_AJV_OPTIONS, code: { ...DRIFT_AJV_OPTIONS.code, source: false, esm: false }, logger: false });
  addFormats(after);
  after.addSchema(input.schema);

  const next = random(seed);
  const sample = sampler((closed.defs as { $defs: Record<string, unknown> }).$defs, next);
  let checked = 0;
  operations.forEach((op, index) => {
    const original = before.getSchema(defsRef(`operation:${op.operationId}`))!;
    const current = after.getSchema(input.exports[validatorExportName(op)]!)!;
    for (const response of mutations(sample(closed.roots[index]), next)) {
      if (response === undefined) continue; // the client checks no absent body
      expect(verdict(current, response), `${op.label} on ${JSON.stringify(response).slice(0, 300)}`).toEqual(verdict(original, response));
      checked++;
    }
  });
  return checked;
}

/** Graph's patterns in small: nullable references, allOf inheritance, the same response on many operations, recursion, unions. */
const patterns: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Patterns", version: "1" },
  paths: Object.fromEntries(
    [
      ["user", "#/components/schemas/user"],
      ["users", "#/components/schemas/userCollection"],
      ["me", "#/components/schemas/user"],
      ["group", "#/components/schemas/group"],
      ["event", "#/components/schemas/event"],
      ["folder", "#/components/schemas/folder"],
      ["entity", "#/components/schemas/entity"],
      ["space", "#/components/schemas/space"],
      ["spaces", "#/components/schemas/spaceList"],
    ].map(([path, ref], index) => [
      `/${path}`,
      {
        get: {
          operationId: `things.get${index}`,
          responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: ref } } } } },
        },
      },
    ]),
  ),
  components: {
    schemas: {
      entity: { type: "object", properties: { id: { type: "string" }, "@odata.type": { type: "string" } }, required: ["@odata.type"] },
      directoryObject: { allOf: [{ $ref: "#/components/schemas/entity" }, { type: "object", properties: { deletedDateTime: { type: "string", format: "date-time", nullable: true } } }] },
      identity: { type: "object", properties: { displayName: { type: "string", nullable: true }, id: { type: "string", nullable: true } } },
      identitySet: {
        type: "object",
        properties: {
          user: { anyOf: [{ $ref: "#/components/schemas/identity" }, { type: "object", nullable: true }] },
          application: { anyOf: [{ $ref: "#/components/schemas/identity" }, { type: "object", nullable: true }] },
        },
      },
      user: {
        allOf: [
          { $ref: "#/components/schemas/directoryObject" },
          {
            type: "object",
            properties: {
              displayName: { type: "string", nullable: true },
              accountEnabled: { type: "boolean", nullable: true },
              kind: { type: "string", enum: ["member", "guest"] },
              manager: { anyOf: [{ $ref: "#/components/schemas/directoryObject" }, { type: "object", nullable: true }] },
              createdBy: { anyOf: [{ $ref: "#/components/schemas/identitySet" }, { type: "object", nullable: true }] },
              memberOf: { type: "array", items: { $ref: "#/components/schemas/directoryObject" } },
              age: { type: "integer", format: "int32" },
            },
            required: ["displayName", "kind"],
          },
        ],
      },
      userCollection: { type: "object", properties: { value: { type: "array", items: { $ref: "#/components/schemas/user" } }, "@odata.nextLink": { type: "string", nullable: true } } },
      group: {
        allOf: [
          { $ref: "#/components/schemas/directoryObject" },
          {
            type: "object",
            properties: {
              owner: { anyOf: [{ $ref: "#/components/schemas/user" }, { type: "object", nullable: true }] },
              createdBy: { anyOf: [{ $ref: "#/components/schemas/identitySet" }, { type: "object", nullable: true }] },
              members: { type: "array", items: { $ref: "#/components/schemas/directoryObject" } },
            },
          },
        ],
      },
      done: { type: "object", properties: { status: { type: "string", enum: ["done"] }, result: { type: "integer" } }, required: ["status"] },
      failed: { type: "object", properties: { status: { type: "string", enum: ["failed"] }, reason: { type: "string" } }, required: ["status"] },
      outcome: { oneOf: [{ $ref: "#/components/schemas/done" }, { $ref: "#/components/schemas/failed" }] },
      event: {
        type: "object",
        properties: {
          first: { $ref: "#/components/schemas/outcome" },
          second: { $ref: "#/components/schemas/outcome" },
          organizer: { anyOf: [{ $ref: "#/components/schemas/identitySet" }, { type: "object", nullable: true }] },
          tags: { type: "object", additionalProperties: { type: "string" } },
        },
      },
      spaceList: { type: "object", properties: { value: { type: "array", items: { $ref: "#/components/schemas/space" } } } },
      team: { type: "object", properties: { slug: { type: "string" }, id: { type: "integer" }, actor: { type: "string", enum: ["Team"] } }, required: ["slug", "actor"] },
      collaborator: {
        type: "object",
        anyOf: [
          { allOf: [{ $ref: "#/components/schemas/entity" }, { type: "object", properties: { actor: { type: "string", enum: ["User"] }, role: { type: "string" } }, required: ["actor"] }] },
          { $ref: "#/components/schemas/team" },
        ],
      },
      space: {
        type: "object",
        properties: {
          collaborators: { type: "array", items: { $ref: "#/components/schemas/collaborator" } },
          owners: { type: "array", items: { $ref: "#/components/schemas/collaborator" } },
          lead: { $ref: "#/components/schemas/collaborator" },
          deputy: { $ref: "#/components/schemas/collaborator" },
        },
      },
      folder: {
        type: "object",
        properties: {
          name: { type: "string" },
          parent: { anyOf: [{ $ref: "#/components/schemas/folder" }, { type: "object", nullable: true }] },
          children: { type: "array", items: { $ref: "#/components/schemas/folder" } },
        },
        required: ["name"],
      },
    },
  },
} as unknown as OpenApiDocument;

describe("the drift validators as compiled now", () => {
  it("give the same verdicts, errors and divergences as the plain closed copy on Graph's patterns", () => {
    const model = buildApiModel(patterns, "patterns.json");
    const input = validatorsInputFor(patterns, checkedOperations(model));
    // The patterns are shared: closed uses, nullable references, the repeated response.
    expect(Object.keys(input.origins).length).toBeGreaterThan(3);
    expect(new Set(Object.values(input.exports)).size).toBeLessThan(Object.keys(input.exports).length);
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++) checked += compareForms(patterns, checkedOperations(model), seed);
    expect(checked).toBeGreaterThan(2_000);
  });

  it("give the same verdicts, errors and divergences as the plain closed copy on ARTU", async () => {
    const spec = join(ROOT, "openapi/artu.json");
    const document = await loadOpenApiFile(spec);
    const operations = checkedOperations(buildApiModel(document, spec));
    expect(compareForms(document, operations, 13)).toBeGreaterThan(900);
  }, 60_000);

  it("give the same verdicts, errors and divergences as the plain closed copy on GitHub (every 6th operation)", async () => {
    const spec = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
    const document = await loadOpenApiFile(spec);
    const operations = checkedOperations(buildApiModel(document, spec)).filter((_, index) => index % 6 === 0);
    expect(compareForms(document, operations, 29)).toBeGreaterThan(1_000);
  }, 120_000);
});

describe("a schema Ajv cannot compile inside a shared part", () => {
  it("is reported at the definitions it was taken out of, and costs only the operations reaching it", async () => {
    const dir = await tempDir("shared-broken-");
    const spec = join(dir, "broken-shared.json");
    const broken = { anyOf: [{ $ref: "#/components/schemas/Leaf" }, { type: "object", nullable: true }], properties: { n: { type: "integr" } } };
    const json = (schema: object) => ({ description: "OK", content: { "application/json": { schema } } });
    await writeFile(
      spec,
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "Broken", version: "1" },
        paths: {
          "/a": { get: { operationId: "a.get", responses: { "200": json({ $ref: "#/components/schemas/A" }) } } },
          "/b": { get: { operationId: "b.get", responses: { "200": json({ $ref: "#/components/schemas/B" }) } } },
          "/c": { get: { operationId: "c.get", responses: { "200": json({ $ref: "#/components/schemas/Leaf" }) } } },
        },
        components: {
          schemas: {
            Leaf: { type: "object", properties: { name: { type: "string" } } },
            A: { type: "object", properties: { x: broken } },
            B: { type: "object", properties: { y: broken } },
          },
        },
      }),
    );
    const out = join(dir, "out");
    const result = await runGenerate(["--spec", spec, "--out", out]);
    expect(result.code).toBe(0);
    const reason = "Ajv cannot compile this schema: type must be JSONType or JSONType[]: integr; the operation gets no drift validator (runtime drift checks are off for it)";
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `generate: warning: ${spec}#/components/schemas/A (operation a.get): ${reason}`,
      `generate: warning: ${spec}#/components/schemas/B (operation b.get): ${reason}`,
    ]);
    const module = (await import(join(out, "validators.js"))) as { validators: Record<string, unknown> };
    expect(Object.keys(module.validators)).toEqual(["c.get"]);
  }, 60_000);
});

describe("shareSubschemas", () => {
  it("shares composite property values occurring twice or more, not leaves, lone references or items, numbered in order of first occurrence", () => {
    const ref = (key: string) => ({ $ref: `${DEFS_ID}#/$defs/${key}` });
    const closedUse = { ...ref("/X"), unevaluatedProperties: false };
    const defs = {
      "/A": { properties: { a: closedUse, b: closedUse, s: { type: "string" }, t: { type: "string" }, r: ref("/X"), q: ref("/X") } },
      "/B": { properties: { c: { items: closedUse, type: "array" } } },
      "/X": { properties: { x: { type: "string" } } },
    };
    const shared = shareSubschemas(defs, [closedUse, { items: closedUse, type: "array" }]);
    expect(Object.keys(shared.defs).filter((key) => key.startsWith("shared:"))).toEqual(["shared:0", "shared:1"]);
    expect(shared.defs["shared:0"]).toEqual(closedUse);
    // The array is shared whole; its items (checked in a loop) stay inline.
    expect(shared.defs["shared:1"]).toEqual({ items: closedUse, type: "array" });
    expect((shared.defs["/A"] as Schema).properties).toEqual({ a: ref("shared:0"), b: ref("shared:0"), s: { type: "string" }, t: { type: "string" }, r: ref("/X"), q: ref("/X") });
    expect((shared.defs["/B"] as Schema).properties).toEqual({ c: ref("shared:1") });
    expect(shared.defs["/X"]).toEqual(defs["/X"]);
    expect(shared.roots).toEqual([ref("shared:0"), ref("shared:1")]);
    expect(shared.origins).toEqual({ "shared:0": ["/A"], "shared:1": ["/B"] });
    expect(defs["/A"].properties.a).toBe(closedUse); // the input is not modified
  });
});
