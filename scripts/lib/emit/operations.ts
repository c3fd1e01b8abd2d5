/**
 * generated/operations.ts: per operation a descriptor constant and its type
 * aliases, the `ArtuResources` interface (a namespace per tag, a member per
 * operation) and `createResources(binder)`, which binds every descriptor
 * through the runtime. Built from ts-morph structures; member bodies are
 * written with ts-morph's code writer.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type CodeBlockWriter,
  type Project,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import { operationIdentifiers } from "../model/identifiers";
import { propertyKey } from "../model/names";
import type { GenerateConfig } from "../model/overrides";
import type { ApiModel, OperationModel } from "../model/types";
import type { OperationArg, OperationDescriptor } from "../../../src/core/operation";
import { fileBanner, operationDoc } from "./docs";
import { literal, typeLiteral } from "./literal";
import { printFile } from "./ts-project";

export interface EmitOptions {
  /** Module specifier of src/internal as seen from the output directory ("../src/internal"). */
  readonly runtimeImport: string;
  /** The overrides file beside the spec (method names), when there is one. */
  readonly config?: GenerateConfig;
}

/** The positional arguments of an operation's method and whether each may be left out. */
export function operationArguments(op: OperationModel): { arg: OperationArg; optional: boolean }[] {
  const args: { arg: OperationArg; optional: boolean }[] = [];
  const bodyRequired = op.requestBody?.required === true;
  if (op.parameters.length > 0) {
    // An optional argument cannot precede a required one, so a required body makes params required too.
    args.push({ arg: "params", optional: !bodyRequired && !op.parameters.some((parameter) => parameter.required) });
  }
  if (op.requestBody) args.push({ arg: "body", optional: !bodyRequired });
  return args;
}

export function operationDescriptor(op: OperationModel): OperationDescriptor {
  const names = (location: string) => op.parameters.filter((parameter) => parameter.in === location).map(({ flatName }) => flatName);
  const renamed = op.parameters.filter((parameter) => parameter.flatName !== parameter.name);
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    args: operationArguments(op).map(({ arg }) => arg),
    pathParams: names("path"),
    queryParams: names("query"),
    headerParams: names("header"),
    ...(renamed.length > 0 ? { wireNames: Object.fromEntries(renamed.map(({ flatName, name }) => [flatName, name])) } : {}),
    idempotent: op.idempotent,
    ...(op.shapes.paginator ? { paginator: op.shapes.paginator } : {}),
    ...(op.shapes.batchChunker ? { batch: op.shapes.batchChunker } : {}),
  };
}

/** `PageItem<Result>` for ARTU's `data` array, `PageItem<Result, ["books"]>` for another path, `[]` when the page is the array. */
function pageItemType(result: string, itemsPath: readonly string[] | undefined): string {
  const path = itemsPath ?? ["data"];
  return path.length === 1 && path[0] === "data" ? `PageItem<${result}>` : `PageItem<${result}, ${JSON.stringify(path)}>`;
}

/** `OperationParams<Op>`, with the renames of clashing names when the operation has any: `OperationParams<Op, { query: { path: "queryPath" } }>`. */
function paramsType(op: OperationModel, opType: string): string {
  const renames: Record<string, Record<string, string>> = {};
  for (const { name, flatName, in: location } of op.parameters) {
    if (flatName !== name) (renames[location] ??= {})[name] = flatName;
  }
  return Object.keys(renames).length === 0 ? `OperationParams<${opType}>` : `OperationParams<${opType}, ${typeLiteral(renames)}>`;
}

function operationStatements(op: OperationModel): StatementStructures[] {
  const ids = operationIdentifiers(op);
  const alias = (name: string, type: string, isExported = true): StatementStructures => ({
    kind: StructureKind.TypeAlias,
    name,
    type,
    isExported,
  });
  const statements: StatementStructures[] = [
    // A blank line before each operation's group of declarations.
    { ...alias(ids.opType, `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`, false), leadingTrivia: "\n" },
    alias(ids.params, paramsType(op, ids.opType)),
  ];
  if (op.requestBody) statements.push(alias(ids.body, `OperationBody<${ids.opType}>`));
  statements.push(alias(ids.result, `OperationResult<${ids.opType}>`));
  if (op.shapes.paginator) statements.push(alias(ids.item, pageItemType(ids.result, op.shapes.paginator.itemsPath)));
  statements.push({
    kind: StructureKind.VariableStatement,
    docs: [operationDoc(op)],
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name: ids.descriptor, initializer: `${literal(operationDescriptor(op))} as const satisfies OperationDescriptor` },
    ],
  });
  return statements;
}

/** Operations grouped by namespace, both in model order (sorted). */
function byNamespace(model: ApiModel): [string, OperationModel[]][] {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) groups.set(op.namespace, [...(groups.get(op.namespace) ?? []), op]);
  return [...groups];
}

function memberSignature(op: OperationModel): string {
  const ids = operationIdentifiers(op);
  const args = operationArguments(op).map(({ arg, optional }) => {
    const type = arg === "params" ? ids.params : ids.body;
    return `${arg}${optional ? "?" : ""}: ${type}`;
  });
  if (op.shapes.paginator) return `${propertyKey(op.name)}: PaginatedOperation<[${args.join(", ")}], ${ids.result}, ${ids.item}>;`;
  return `${propertyKey(op.name)}(${[...args, "options?: RequestOptions"].join(", ")}): Promise<${ids.result}>;`;
}

function writeDoc(writer: CodeBlockWriter, text: string): void {
  writer.writeLine(`/** ${text} */`);
}

function resourcesInterface(groups: [string, OperationModel[]][]): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: "ArtuResources",
    isExported: true,
    docs: ["Every operation of the API, one namespace per tag; `createResources` implements it."],
    properties: groups.map(([namespace, ops]) => ({
      name: propertyKey(namespace),
      type: (writer: CodeBlockWriter) => {
        writer.inlineBlock(() => {
          for (const op of ops) {
            writeDoc(writer, operationDoc(op));
            writer.writeLine(memberSignature(op));
          }
        });
      },
    })),
  };
}

function createResourcesFunction(groups: [string, OperationModel[]][]): StatementStructures {
  const body: WriterFunction = (writer) => {
    writer.write("return ").inlineBlock(() => {
      for (const [namespace, ops] of groups) {
        writer.write(`${propertyKey(namespace)}: `).inlineBlock(() => {
          for (const op of ops) {
            const member = `ArtuResources[${JSON.stringify(namespace)}][${JSON.stringify(op.name)}]`;
            writer.writeLine(`${propertyKey(op.name)}: binder.bind<${member}>(${operationIdentifiers(op).descriptor}),`);
          }
        });
        writer.write(",").newLine();
      }
    });
    writer.write(";");
  };
  return {
    kind: StructureKind.Function,
    name: "createResources",
    isExported: true,
    docs: ["Binds every operation descriptor through the runtime client's binder."],
    parameters: [{ name: "binder", type: "OperationBinder" }],
    returnType: "ArtuResources",
    statements: [body],
  };
}

function runtimeTypeImports(model: ApiModel): string[] {
  const used = new Set(["OperationBinder", "OperationDescriptor", "OperationParams", "OperationResult", "RequestOptions"]);
  if (model.operations.some((op) => op.requestBody)) used.add("OperationBody");
  if (model.operations.some((op) => op.shapes.paginator)) used.add("PageItem").add("PaginatedOperation");
  return [...used].sort();
}

export function emitOperations(project: Project, model: ApiModel, options: EmitOptions): string {
  const groups = byNamespace(model);
  const statements: (string | StatementStructures)[] = [
    fileBanner(model.title, model.version),
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: options.runtimeImport,
      namedImports: runtimeTypeImports(model),
    },
  ];
  if (model.operations.length > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema", namedImports: ["paths"] });
  }
  for (const op of model.operations) statements.push(...operationStatements(op));
  statements.push(resourcesInterface(groups), createResourcesFunction(groups));
  return printFile(project, "operations.ts", statements);
}
