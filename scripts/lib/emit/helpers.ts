/**
 * generated/helpers.ts (ARCHITECTURE.md, "Helper shapes"): for every operation with a
 * discriminated result, its variant description, variant types, guards,
 * `match…`/`assert…` functions and per-variant error classes; for every
 * sync-shaped operation, its planner description and `plan…` function. The
 * runtime behind them lives in src/narrowing and src/sync.
 */
import { narrowingIdentifiers, operationIdentifiers, syncIdentifiers, variantIdentifiers } from "../model/identifiers";
import { propertyAccess, propertyKey } from "../model/names";
import type { ApiModel, OperationModel, ResultNarrowingShape, SyncPlannerShape } from "../model/types";
import { fileBanner, operationDoc } from "./docs";
import { Raw, literalDoc } from "./literal";
import type { EmitOptions } from "./operations";
import {
  call,
  constDeclaration,
  emptyClass,
  functionDeclaration,
  functionType,
  identifier,
  importDeclaration,
  objectType,
  rawType,
  returnEquals,
  returnStatement,
  stringLiteral,
  typeAlias,
  typed,
  typeRef,
  verbatim,
  type Statement,
  type TypeDoc,
} from "./syntax";
import { printFile, type PrintedFiles } from "./printed-files";

function exportedConst(name: string, value: unknown, satisfies: string, doc: string): Statement {
  return constDeclaration(name, typed(typed(literalDoc(value), "as", "const"), "satisfies", typeRef(satisfies)), { isExported: true, doc });
}

function narrowingStatements(op: OperationModel, shape: ResultNarrowingShape): Statement[] {
  const ids = narrowingIdentifiers(op);
  const { result } = operationIdentifiers(op);
  const resultType = typeRef(result);
  const summary = operationDoc(op);
  const { discriminant, variants } = shape;
  const variantIds = variants.map((variant) => ({ variant, ...variantIdentifiers(op, variant) }));
  const description = { operationId: op.operationId, discriminant, variants };
  const statements: Statement[] = [
    exportedConst(
      ids.description,
      description,
      "VariantUnionDescription",
      `${summary} — the result's variants, discriminated by "${discriminant}".`,
    ),
  ];
  for (const { variant, type } of variantIds) {
    const selector = objectType([[propertyKey(discriminant), rawType(JSON.stringify(variant))]]);
    statements.push(
      typeAlias(type, typeRef("Extract", [resultType, selector]), { isExported: true, doc: `${summary} — the "${variant}" variant of the result.` }),
    );
  }
  for (const { variant, type, guard } of variantIds) {
    statements.push(
      functionDeclaration({
        name: guard,
        isExported: true,
        doc: `${summary} — true when the result is the "${variant}" variant.`,
        parameters: [{ name: "value", type: resultType }],
        returnType: rawType(`value is ${type}`),
        body: [returnEquals(propertyAccess("value", discriminant), stringLiteral(variant))],
      }),
    );
  }
  for (const { variant, type, error } of variantIds) {
    statements.push(
      emptyClass(error, `ArtuVariantError<${type}>`, {
        isExported: true,
        doc: `Thrown by an \`assert…\` of ${op.qualifiedName} when the result is the "${variant}" variant; carries it as \`payload\`.`,
      }),
    );
  }
  statements.push(constDeclaration(ids.errors, literalDoc(Object.fromEntries(variantIds.map(({ variant, error }) => [variant, new Raw(error)])))));
  const rType = typeRef("R");
  const handlers: [string, TypeDoc, boolean][] = variantIds.map(({ variant, type }) => [
    propertyKey(variant),
    functionType([{ name: "value", type: typeRef(type) }], rType),
    false,
  ]);
  handlers.push(["unknown", functionType([{ name: "value", type: typeRef("unknown") }], rType), true]);
  statements.push(
    functionDeclaration({
      name: ids.match,
      isExported: true,
      doc: `${summary} — calls the handler of the result's "${discriminant}" variant (\`unknown\` for one the spec does not list).`,
      typeParameters: ["R"],
      parameters: [
        { name: "value", type: resultType },
        { name: "handlers", type: objectType(handlers) },
      ],
      returnType: rType,
      body: [returnStatement(call("matchVariant", [], [identifier(ids.description), identifier("value"), identifier("handlers")]))],
    }),
  );
  for (const { variant, type, assert } of variantIds) {
    const args = [identifier(ids.description), identifier("value"), stringLiteral(variant), identifier(ids.errors)];
    statements.push(
      functionDeclaration({
        name: assert,
        isExported: true,
        doc: `${summary} — returns the result when it is the "${variant}" variant, else throws the received variant's error.`,
        parameters: [{ name: "value", type: resultType }],
        returnType: typeRef(type),
        body: [returnStatement(typed(call("assertVariant", [], args), "as", typeRef(type)))],
      }),
    );
  }
  return statements;
}

function syncStatements(op: OperationModel, shape: SyncPlannerShape): Statement[] {
  const ids = syncIdentifiers(op);
  const { descriptor, params, body } = operationIdentifiers(op);
  const summary = operationDoc(op);
  const typeArgs = [rawType(`typeof ${ids.planner}`), typeRef(params), typeRef(body)];
  const description = { operation: new Raw(descriptor), ...shape };
  return [
    exportedConst(
      ids.planner,
      description,
      "SyncPlannerDescription",
      `${summary} — what ${op.qualifiedName} can sync: its arrays, plain objects and request context.`,
    ),
    typeAlias(ids.input, typeRef("SyncPlanInput", typeArgs), {
      isExported: true,
      doc: `Input of \`${ids.planFunction}\`: context, current and desired state.`,
    }),
    typeAlias(ids.plan, typeRef("SyncPlan", typeArgs), { isExported: true, doc: `The requests \`${ids.planFunction}\` plans for ${op.qualifiedName}.` }),
    functionDeclaration({
      name: ids.planFunction,
      isExported: true,
      doc: `Plans ${summary}: the ${op.qualifiedName} requests (each array within its maxItems) that turn \`current\` into \`desired\`; sends nothing.`,
      parameters: [{ name: "input", type: typeRef(ids.input) }],
      returnType: typeRef(ids.plan),
      body: [returnStatement(call("planSync", typeArgs, [identifier(ids.planner), identifier("input")]))],
    }),
  ];
}

function imports(model: ApiModel, options: EmitOptions): Statement[] {
  const narrowing = model.operations.some((op) => op.shapes.resultNarrowing);
  const sync = model.operations.some((op) => op.shapes.syncPlanner);
  const values = [...(narrowing ? ["ArtuVariantError", "assertVariant", "matchVariant"] : []), ...(sync ? ["planSync"] : [])];
  const types = [
    ...(sync ? ["SyncPlan", "SyncPlanInput", "SyncPlannerDescription"] : []),
    ...(narrowing ? ["VariantUnionDescription"] : []),
  ];
  const fromOperations: { name: string; isTypeOnly?: boolean }[] = [];
  for (const op of model.operations) {
    const ids = operationIdentifiers(op);
    if (op.shapes.syncPlanner) {
      fromOperations.push({ name: ids.descriptor }, { name: ids.params, isTypeOnly: true }, { name: ids.body, isTypeOnly: true });
    }
    if (op.shapes.resultNarrowing) fromOperations.push({ name: ids.result, isTypeOnly: true });
  }
  fromOperations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const declarations: Statement[] = [];
  const declare = (moduleSpecifier: string, names: string[], isTypeOnly = false) => {
    if (names.length > 0) declarations.push(importDeclaration(names, moduleSpecifier, isTypeOnly));
  };
  declare(options.runtimeImport, values);
  declare(options.runtimeImport, types, true);
  declare(
    "./operations",
    fromOperations.map(({ name, isTypeOnly }) => `${isTypeOnly ? "type " : ""}${name}`),
  );
  return declarations;
}

/** A blank line before each helper group. */
function separated([first, ...rest]: Statement[]): Statement[] {
  return first ? [{ ...first, blankBefore: true }, ...rest] : [];
}

export function emitHelpers(files: PrintedFiles, model: ApiModel, options: EmitOptions): string {
  const statements: (string | Statement)[] = [verbatim(fileBanner(model.title, model.version)), ...imports(model, options)];
  for (const op of model.operations) {
    if (op.shapes.resultNarrowing) statements.push(...separated(narrowingStatements(op, op.shapes.resultNarrowing)));
    if (op.shapes.syncPlanner) statements.push(...separated(syncStatements(op, op.shapes.syncPlanner)));
  }
  if (statements.length === 1) statements.push("export {};");
  return printFile(files, "helpers.ts", statements);
}
