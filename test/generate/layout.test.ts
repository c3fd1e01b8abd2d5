/**
 * The documents the emitters build (scripts/lib/emit/syntax.ts), printed by
 * prettier's document printer (layout.ts), lay out every construct the
 * emitters use exactly as prettier does, with prettier as the oracle: each construct, with names grown so that it goes from just under to
 * just over the print width (and well over), printed by us must equal
 * prettier's formatting of the same code written on one line, and be left
 * unchanged by prettier. Text prettier measures other than one column per
 * character (East Asian wide characters, combining marks) included.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../scripts/lib/emit/format";
import { fitsPrintWidth, printDoc } from "../../scripts/lib/emit/layout";
import { Raw, literal, literalDoc, typeLiteralDoc } from "../../scripts/lib/emit/literal";
import {
  call,
  constDeclaration,
  emptyClass,
  expandedObjectType,
  functionDeclaration,
  functionType,
  identifier,
  importDeclaration,
  interfaceDeclaration,
  methodSignature,
  objectLiteral,
  objectType,
  propertySignature,
  rawType,
  returnEquals,
  returnStatement,
  stringLiteral,
  tupleType,
  typeAlias,
  typed,
  typeRef,
  type Statement,
} from "../../scripts/lib/emit/syntax";
import { printStatement } from "../../scripts/lib/emit/printed-files";

const prettier = (text: string) => format(text, PRETTIER_OPTIONS);

/** A name of exactly `length` characters. */
const name = (prefix: string, length: number) => (prefix + "X".repeat(Math.max(0, length - prefix.length))).slice(0, Math.max(length, prefix.length));

/** Lengths that take each construct from well under to just under, at, just over and well over the print width. */
const LENGTHS = [10, 25, 30, 31, 40, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 130];

async function expectPrettierLayout(statement: Statement): Promise<void> {
  const ours = printStatement(statement);
  // The same code on one line (apart from what breaks whatever the width), as the source given to prettier.
  const flat = printDoc(statement.doc, Infinity);
  expect(ours, flat).toBe((await prettier(flat)).trimEnd());
  expect(await prettier(ours)).toBe(`${ours}\n`);
}

const constructs: Record<string, (n: number) => Statement> = {
  "a type alias of an indexed access (breaks after `=`)": (n) =>
    typeAlias(name("Op", n), rawType(`paths[${JSON.stringify(`/repos/{owner}/${"r".repeat(n)}`)}]["get"]`)),
  "a type alias of a reference with one plain argument": (n) =>
    typeAlias(name("Params", n), typeRef("OperationParams", [typeRef(name("Op", n))]), { isExported: true }),
  "a type alias of a reference with two arguments (a tuple)": (n) =>
    typeAlias(name("Item", n), typeRef("PageItem", [typeRef(name("Result", n)), tupleType([JSON.stringify(name("items", n / 2))])]), {
      isExported: true,
    }),
  "a type alias with an object type argument": (n) =>
    typeAlias(name("Params", n), typeRef("OperationParams", [typeRef(name("Op", n)), typeLiteralDoc({ query: { [name("p", n / 3)]: "queryPath" }, header: { a: "b" } })]), {
      isExported: true,
    }),
  "Extract<Result, { discriminant: variant }>": (n) =>
    typeAlias(name("Variant", n), typeRef("Extract", [typeRef(name("Result", n)), objectType([["status", rawType('"completed"')]])]), {
      isExported: true,
      doc: "A doc comment ↔ that is not measured.",
    }),
  "a type alias with three arguments (typeof)": (n) =>
    typeAlias(name("Plan", n / 2), typeRef("SyncPlan", [rawType(`typeof ${name("planner", n / 2)}`), typeRef(name("Params", n / 2)), typeRef("Body")]), {
      isExported: true,
    }),
  "a descriptor constant (nested objects, arrays, long strings)": (n) =>
    constDeclaration(
      name("descriptor", n),
      typed(
        typed(
          literalDoc({
            operationId: name("op.", n),
            path: `/${"p".repeat(n)}`,
            args: ["params", "body"],
            pathParams: Array.from({ length: Math.ceil(n / 10) }, (_, i) => `param${i}`),
            queryParams: [],
            idempotent: true,
            paginator: { cursorIn: "query", cursorName: name("cursor", n / 2), itemsPath: ["data"], next: { from: "lastItem", field: "id" } },
            count: 3,
          }),
          "as",
          "const",
        ),
        "satisfies",
        typeRef("OperationDescriptor"),
      ),
      { isExported: true, doc: "GET /x" },
    ),
  "a planner constant (arrays of objects, identifiers)": (n) =>
    constDeclaration(
      name("planner", n / 3),
      typed(
        literalDoc({
          operation: new Raw(name("operation", n)),
          arrays: [{ name: "items", maxItems: 250, writableFields: Array.from({ length: Math.ceil(n / 8) }, (_, i) => `field${i}`) }],
          context: [{ name: "clientId", in: "path" }],
          pairs: [
            { a: 1, b: 2 },
            { a: 3, b: 4 },
          ],
          single: [{ a: 1 }, { a: 2 }],
        }),
        "as",
        "const",
      ),
      { isExported: true },
    ),
  "an object of identifiers (long keys break after the colon)": (n) =>
    constDeclaration(name("errors", n / 4), literalDoc({ [name("variant", n / 2)]: new Raw(name("Error", n)), card: new Raw(name("CardError", n)) })),
  "a string property with a long key": (n) => constDeclaration("x", literalDoc({ operationId: name("id", n), path: name("/p", n + 5) })),
  "an interface with method and paginated members": (n) =>
    interfaceDeclaration(
      "ArtuResources",
      [
        {
          member: propertySignature(
            name("ns", n / 4),
            expandedObjectType([
              {
                doc: "Method.",
                member: methodSignature(
                  name("method", n / 2),
                  [
                    { name: "params", type: typeRef(name("Params", n / 2)) },
                    { name: "body", type: typeRef(name("Body", n / 3)), optional: true },
                    { name: "options", type: typeRef("RequestOptions"), optional: true },
                  ],
                  typeRef("Promise", [typeRef(name("Result", n))]),
                ),
              },
              { member: methodSignature("get", [{ name: "options", type: typeRef("RequestOptions"), optional: true }], typeRef("Promise", [typeRef(name("Result", n))])) },
              {
                doc: "Paginated.",
                member: propertySignature(
                  name("list", n / 2),
                  typeRef("PaginatedOperation", [
                    tupleType([["params: ", typeRef(name("Params", n / 2)).doc], ["body?: ", typeRef(name("Body", n)).doc]]),
                    typeRef(name("Result", n / 2)),
                    typeRef(name("Item", n / 2)),
                  ]),
                ),
              },
            ]),
          ),
        },
      ],
      { isExported: true, doc: "Resources." },
    ),
  "createResources (binder.bind chains, short and long keys and arguments)": (n) =>
    functionDeclaration({
      name: "createResources",
      isExported: true,
      parameters: [{ name: "binder", type: typeRef("OperationBinder") }],
      returnType: typeRef("ArtuResources"),
      body: [
        returnStatement(
          objectLiteral(
            [
              [
                name("namespace", n / 4),
                objectLiteral(
                  [
                    [name("method", n / 3), call("binder.bind", [rawType(`ArtuResources["ns"][${JSON.stringify(name("m", n / 2))}]`)], [identifier(name("op", n / 3))])],
                    [name("m", 30), call("binder.bind", [rawType(`ArtuResources["ns"]["m"]`)], [identifier(name("shortOp", Math.min(n, 40) / 1.3))])],
                    ["list", call("binder.bind", [rawType(`ArtuResources["ns"][${JSON.stringify(name("list", n))}]`)], [identifier(name("op", n / 2))])],
                  ],
                  true,
                ),
              ],
            ],
            true,
          ),
        ),
      ],
    }),
  "a guard function (return a === b)": (n) =>
    functionDeclaration({
      name: name("is", n / 3),
      isExported: true,
      parameters: [{ name: "value", type: typeRef(name("Result", n / 3)) }],
      returnType: rawType(`value is ${name("Variant", n / 3)}`),
      body: [returnEquals(`value.${name("status", n / 2)}`, stringLiteral(name("completed", n / 2)))],
    }),
  "a plan function (call with type arguments)": (n) =>
    functionDeclaration({
      name: name("plan", n / 3),
      isExported: true,
      parameters: [{ name: "input", type: typeRef(name("Input", n / 3)) }],
      returnType: typeRef(name("Plan", n / 3)),
      body: [
        returnStatement(call("planSync", [rawType(`typeof ${name("planner", n / 3)}`), typeRef(name("Params", n / 4)), typeRef("Body")], [identifier(name("planner", n / 3)), identifier("input")])),
      ],
    }),
  "an assert function (call as type)": (n) =>
    functionDeclaration({
      name: name("assert", n / 3),
      isExported: true,
      parameters: [{ name: "value", type: typeRef(name("Result", n / 3)) }],
      returnType: typeRef(name("Variant", n / 3)),
      body: [
        returnStatement(
          typed(call("assertVariant", [], [identifier(name("variants", n / 4)), identifier("value"), stringLiteral("completed"), identifier(name("errors", n / 4))]), "as", typeRef(name("Variant", n / 2))),
        ),
      ],
    }),
  "a match function (type parameter, object type of function types)": (n) =>
    functionDeclaration({
      name: name("match", n / 4),
      isExported: true,
      typeParameters: ["R"],
      parameters: [
        { name: "value", type: typeRef(name("Result", n / 4)) },
        {
          name: "handlers",
          type: objectType([
            ["completed", functionType([{ name: "value", type: typeRef(name("Completed", n / 3)) }], typeRef("R"))],
            ["blocked", functionType([{ name: "value", type: typeRef(name("Blocked", n / 4)) }], typeRef("R"))],
            ["unknown", functionType([{ name: "value", type: typeRef("unknown") }], typeRef("R")), true],
          ]),
        },
      ],
      returnType: typeRef("R"),
      body: [returnStatement(call("matchVariant", [], [identifier(name("variants", n / 3)), identifier("value"), identifier("handlers")]))],
    }),
  "an empty class": (n) => emptyClass(name("Error", n / 2), `ArtuVariantError<${name("Variant", n / 2)}>`, { isExported: true, doc: "Doc." }),
  "an import of several names": (n) =>
    importDeclaration(
      Array.from({ length: Math.ceil(n / 12) }, (_, i) => `${i % 2 ? "type " : ""}Name${i}`),
      "../src/internal",
      false,
    ),
  "a type-only import of one long name": (n) => importDeclaration([name("Name", n + 20)], "./operations", true),
  "strings of East Asian wide characters (two columns each)": (n) =>
    constDeclaration("x", literalDoc({ label: "漢字".repeat(Math.ceil(n / 4)), path: [name("/p", n / 4), "ｗｉｄｅ"] })),
  "strings with combining marks (no column)": (n) =>
    typeAlias(name("Op", n / 4), typeRef("PageItem", [typeRef("Result"), tupleType([JSON.stringify("e\u0301".repeat(Math.ceil(n / 2))), '"a"'])]), { isExported: true }),
};

describe("the layout printer lays out each construct as prettier does", () => {
  it.each(Object.keys(constructs))("%s", async (construct) => {
    for (const n of LENGTHS) await expectPrettierLayout(constructs[construct]!(Math.round(n)));
  }, 60_000);

  it("measures text as prettier does: a wide character is two columns, a combining mark none", async () => {
    // 85 characters, 135 columns: broken, as prettier does.
    const wide = constDeclaration("x", literalDoc({ label: "漢".repeat(50), id: "abc" }));
    expect(printStatement(wide)).toBe(`const x = {\n  label: "${"漢".repeat(50)}",\n  id: "abc",\n};`);
    // 145 characters, 115 columns: one line, as prettier does.
    const marks = constDeclaration("x", literalDoc({ label: "e\u0301".repeat(30) + "x".repeat(50), id: "abc" }));
    expect(printStatement(marks)).toBe(`const x = { label: "${"e\u0301".repeat(30)}${"x".repeat(50)}", id: "abc" };`);
    for (const statement of [wide, marks]) expect(await prettier(printDoc(statement.doc, Infinity))).toBe(`${printStatement(statement)}\n`);
    expect(fitsPrintWidth(`"${"漢".repeat(59)}"`)).toBe(true);
    expect(fitsPrintWidth(`"${"漢".repeat(60)}"`)).toBe(false);
    expect(fitsPrintWidth(`"${"e\u0301".repeat(118)}"`)).toBe(true);
  });

  it("writes literals on one line when they fit and expanded when not", async () => {
    expect(literal({ a: 1, b: ["x"], c: new Raw("id") })).toBe('{ a: 1, b: ["x"], c: id }');
    const long = literal({ key: "v".repeat(120), list: [1, 2] });
    expect(long).toBe(`{\n  key: "${"v".repeat(120)}",\n  list: [1, 2],\n}`);
  });
});
