/**
 * generated/helpers.ts (ARCHITECTURE.md, "Helper shapes"): for every operation with a
 * discriminated result, its variant description, variant types, guards,
 * `match…`/`assert…` functions and per-variant error classes; for every
 * sync-shaped operation, its planner description and `plan…` function. The
 * runtime behind them lives in src/narrowing and src/sync.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type ImportSpecifierStructure,
  type OptionalKind,
  type Project,
  type StatementStructures,
} from "ts-morph";
import { narrowingIdentifiers, operationIdentifiers, syncIdentifiers, variantIdentifiers } from "../model/identifiers";
import { propertyAccess, propertyKey } from "../model/names";
import type { ApiModel, OperationModel, ResultNarrowingShape, SyncPlannerShape } from "../model/types";
import { fileBanner, operationDoc } from "./docs";
import { Raw, literal } from "./literal";
import type { EmitOptions } from "./operations";
import { printFile } from "./ts-project";

function exportedConst(name: string, initializer: string, doc: string): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    docs: [doc],
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, initializer }],
  };
}

function exportedType(name: string, type: string, doc?: string): StatementStructures {
  return { kind: StructureKind.TypeAlias, name, type, isExported: true, ...(doc ? { docs: [doc] } : {}) };
}

function narrowingStatements(op: OperationModel, shape: ResultNarrowingShape): StatementStructures[] {
  const ids = narrowingIdentifiers(op);
  const { result } = operationIdentifiers(op);
  const summary = operationDoc(op);
  const { discriminant, variants } = shape;
  const variantIds = variants.map((variant) => ({ variant, ...variantIdentifiers(op, variant) }));
  const description = { operationId: op.operationId, discriminant, variants };
  const statements: StatementStructures[] = [
    exportedConst(
      ids.description,
      `${literal(description)} as const satisfies VariantUnionDescription`,
      `${summary} — the result's variants, discriminated by "${discriminant}".`,
    ),
  ];
  for (const { variant, type } of variantIds) {
    statements.push(
      exportedType(
        type,
        `Extract<${result}, { ${propertyKey(discriminant)}: ${JSON.stringify(variant)} }>`,
        `${summary} — the "${variant}" variant of the result.`,
      ),
    );
  }
  for (const { variant, type, guard } of variantIds) {
    statements.push({
      kind: StructureKind.Function,
      name: guard,
      isExported: true,
      docs: [`${summary} — true when the result is the "${variant}" variant.`],
      parameters: [{ name: "value", type: result }],
      returnType: `value is ${type}`,
      statements: [`return ${propertyAccess("value", discriminant)} === ${JSON.stringify(variant)};`],
    });
  }
  for (const { variant, type, error } of variantIds) {
    statements.push({
      kind: StructureKind.Class,
      name: error,
      isExported: true,
      docs: [`Thrown by an \`assert…\` of ${op.qualifiedName} when the result is the "${variant}" variant; carries it as \`payload\`.`],
      extends: `ArtuVariantError<${type}>`,
    });
  }
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: ids.errors,
        initializer: literal(Object.fromEntries(variantIds.map(({ variant, error }) => [variant, new Raw(error)]))),
      },
    ],
  });
  const handlers = variantIds.map(({ variant, type }) => `${propertyKey(variant)}: (value: ${type}) => R;`);
  statements.push({
    kind: StructureKind.Function,
    name: ids.match,
    isExported: true,
    docs: [`${summary} — calls the handler of the result's "${discriminant}" variant (\`unknown\` for one the spec does not list).`],
    typeParameters: ["R"],
    parameters: [
      { name: "value", type: result },
      { name: "handlers", type: `{ ${[...handlers, "unknown?: (value: unknown) => R;"].join(" ")} }` },
    ],
    returnType: "R",
    statements: [`return matchVariant(${ids.description}, value, handlers);`],
  });
  for (const { variant, type, assert } of variantIds) {
    statements.push({
      kind: StructureKind.Function,
      name: assert,
      isExported: true,
      docs: [`${summary} — returns the result when it is the "${variant}" variant, else throws the received variant's error.`],
      parameters: [{ name: "value", type: result }],
      returnType: type,
      statements: [`return assertVariant(${ids.description}, value, ${JSON.stringify(variant)}, ${ids.errors}) as ${type};`],
    });
  }
  return statements;
}

function syncStatements(op: OperationModel, shape: SyncPlannerShape): StatementStructures[] {
  const ids = syncIdentifiers(op);
  const { descriptor, params, body } = operationIdentifiers(op);
  const summary = operationDoc(op);
  const typeArgs = `typeof ${ids.planner}, ${params}, ${body}`;
  const description = { operation: new Raw(descriptor), ...shape };
  return [
    exportedConst(
      ids.planner,
      `${literal(description)} as const satisfies SyncPlannerDescription`,
      `${summary} — what ${op.qualifiedName} can sync: its arrays, plain objects and request context.`,
    ),
    exportedType(ids.input, `SyncPlanInput<${typeArgs}>`, `Input of \`${ids.planFunction}\`: context, current and desired state.`),
    exportedType(ids.plan, `SyncPlan<${typeArgs}>`, `The requests \`${ids.planFunction}\` plans for ${op.qualifiedName}.`),
    {
      kind: StructureKind.Function,
      name: ids.planFunction,
      isExported: true,
      docs: [
        `Plans ${summary}: the ${op.qualifiedName} requests (each array within its maxItems) that turn \`current\` into \`desired\`; sends nothing.`,
      ],
      parameters: [{ name: "input", type: ids.input }],
      returnType: ids.plan,
      statements: [`return planSync<${typeArgs}>(${ids.planner}, input);`],
    },
  ];
}

function imports(model: ApiModel, options: EmitOptions): StatementStructures[] {
  const narrowing = model.operations.some((op) => op.shapes.resultNarrowing);
  const sync = model.operations.some((op) => op.shapes.syncPlanner);
  const values = [...(narrowing ? ["ArtuVariantError", "assertVariant", "matchVariant"] : []), ...(sync ? ["planSync"] : [])];
  const types = [
    ...(sync ? ["SyncPlan", "SyncPlanInput", "SyncPlannerDescription"] : []),
    ...(narrowing ? ["VariantUnionDescription"] : []),
  ];
  const fromOperations: OptionalKind<ImportSpecifierStructure>[] = [];
  for (const op of model.operations) {
    const ids = operationIdentifiers(op);
    if (op.shapes.syncPlanner) {
      fromOperations.push({ name: ids.descriptor }, { name: ids.params, isTypeOnly: true }, { name: ids.body, isTypeOnly: true });
    }
    if (op.shapes.resultNarrowing) fromOperations.push({ name: ids.result, isTypeOnly: true });
  }
  fromOperations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const declarations: StatementStructures[] = [];
  const declare = (moduleSpecifier: string, namedImports: (string | OptionalKind<ImportSpecifierStructure>)[], isTypeOnly = false) => {
    if (namedImports.length > 0) declarations.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier, namedImports, isTypeOnly });
  };
  declare(options.runtimeImport, values);
  declare(options.runtimeImport, types, true);
  declare("./operations", fromOperations);
  return declarations;
}

/** A blank line before each helper group. */
function separated([first, ...rest]: StatementStructures[]): StatementStructures[] {
  return first ? [{ ...first, leadingTrivia: "\n" } as StatementStructures, ...rest] : [];
}

export function emitHelpers(project: Project, model: ApiModel, options: EmitOptions): string {
  const statements: (string | StatementStructures)[] = [fileBanner(model.title, model.version), ...imports(model, options)];
  for (const op of model.operations) {
    if (op.shapes.resultNarrowing) statements.push(...separated(narrowingStatements(op, op.shapes.resultNarrowing)));
    if (op.shapes.syncPlanner) statements.push(...separated(syncStatements(op, op.shapes.syncPlanner)));
  }
  if (statements.length === 1) statements.push("export {};");
  return printFile(project, "helpers.ts", statements);
}
