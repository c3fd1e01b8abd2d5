/**
 * scripts/lib/emit/standalone-code.mjs: Ajv's standalone module assembled in
 * linear time. It must write what Ajv's own standaloneCode writes (same
 * functions, same order, byte for byte), declare a function shared by
 * several exports once, and stay fast where Ajv's assembly is quadratic.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { standaloneModule } from "../../scripts/lib/emit/standalone-code.mjs";
import { DRIFT_AJV_OPTIONS } from "../../scripts/lib/emit/validators-ajv.mjs";
import { checkedOperations, validatorsInput } from "../../scripts/lib/emit/validators";
import { buildApiModel } from "../../scripts/lib/model/build";
import { loadOpenApiFile } from "../../scripts/lib/spec/load";
import { ROOT } from "../generate/support";

const unwrap = <T>(module: T): T => ((module as { default?: T }).default ?? module) as T;
const ajvStandalone = unwrap(standaloneCode) as unknown as (ajv: Ajv2020, refs: Record<string, string>) => string;

function compiled(schema: object, exports: Record<string, string>): Ajv2020 {
  const ajv = new Ajv2020({ ...DRIFT_AJV_OPTIONS, code: { ...DRIFT_AJV_OPTIONS.code }, logger: false });
  ajv.addSchema(schema);
  for (const ref of Object.values(exports)) ajv.getSchema(ref);
  return ajv;
}

const ID = "urn:test:defs";
const ref = (key: string) => `${ID}#/$defs/${key}`;

describe("standaloneModule", () => {
  it("writes ARTU's validators byte for byte as Ajv's standaloneCode does", async () => {
    const spec = join(ROOT, "openapi/artu.json");
    const document = await loadOpenApiFile(spec);
    const model = buildApiModel(document, spec);
    const input = validatorsInput(document, model);
    // One export per distinct schema: Ajv's assembly declares a function twice when two exports share it.
    const distinct = Object.fromEntries([...new Map(Object.entries(input.exports).map(([name, target]) => [target, name]))].map(([target, name]) => [name, target]));
    expect(Object.keys(distinct).length).toBeGreaterThan(50);
    expect(checkedOperations(model).length).toBe(Object.keys(input.exports).length);
    expect(standaloneModule(compiled(input.schema, distinct), distinct)).toBe(ajvStandalone(compiled(input.schema, distinct), distinct));
  }, 60_000);

  it("writes recursive and mutually recursive definitions as Ajv does", () => {
    const schema = {
      $id: ID,
      $defs: {
        tree: { type: "object", properties: { value: { type: "integer" }, children: { type: "array", items: { $ref: ref("tree") } } }, unevaluatedProperties: false },
        a: { type: "object", properties: { b: { $ref: ref("b") }, n: { enum: ["x", "y"] } }, required: ["n", "b"] },
        b: { anyOf: [{ $ref: ref("a") }, { type: "null" }] },
        root: { allOf: [{ $ref: ref("a") }], properties: { tree: { $ref: ref("tree") } }, unevaluatedProperties: false },
      },
    };
    const exports = { validateTree: ref("tree"), validateRoot: ref("root"), validateB: ref("b") };
    expect(standaloneModule(compiled(schema, exports), exports)).toBe(ajvStandalone(compiled(schema, exports), exports));
  });

  it("declares a function once when several exports share it, and the module loads", async () => {
    const schema = { $id: ID, $defs: { item: { type: "object", properties: { id: { type: "string" } }, unevaluatedProperties: false } } };
    const exports = { validateFirst: ref("item"), validateSecond: ref("item") };
    const code = standaloneModule(compiled(schema, exports), exports);
    expect(code.match(/^function validate\d+\(/gm)).toHaveLength(1);
    expect(code).toMatch(/^export const validateFirst = (validate\d+);$/m);
    expect(code).toMatch(/^export const validateSecond = (validate\d+);$/m);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, (data: unknown) => boolean>;
    expect(module.validateFirst).toBe(module.validateSecond);
    expect(module.validateFirst!({ id: "a" })).toBe(true);
    expect(module.validateSecond!({ id: "a", extra: 1 })).toBe(false);
  });

  it("stays linear in the number of exports and shared definitions", () => {
    // 3,000 exports over a tree of 300 definitions: Ajv's assembly copies
    // everything written so far at each step.
    const defs: Record<string, object> = {};
    const child = (index: number) => (index < 300 ? { $ref: ref(`d${index}`) } : { type: "null" });
    for (let index = 0; index < 300; index++) {
      defs[`d${index}`] = { type: "object", properties: { left: child(2 * index + 1), right: child(2 * index + 2), [`p${index}`]: { type: "string" } } };
    }
    for (let index = 0; index < 3000; index++) defs[`e${index}`] = { $ref: ref(`d${index % 300}`), unevaluatedProperties: false };
    const exports = Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`validateE${index}`, ref(`e${index}`)]));
    const ajv = compiled({ $id: ID, $defs: defs }, exports);
    const started = performance.now();
    const code = standaloneModule(ajv, exports);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(code.match(/^function validate\d+\(/gm)).toHaveLength(3300);
  }, 60_000);
});
