/**
 * generated/operations.ts: per operation a descriptor constant and its type
 * aliases, the `ArtuResources` interface (a namespace per tag, a member per
 * operation) and `createResources(binder)`, which binds every descriptor
 * through the runtime. Built from syntax.ts documents, laid out by prettier's
 * document printer (layout.ts, printed-files.ts).
 */
import { operationIdentifiers } from "../model/identifiers";
import { propertyKey } from "../model/names";
import type { GenerateConfig } from "../model/overrides";
import type { ApiModel, OperationModel } from "../model/types";
import type { OperationArg, OperationDescriptor } from "../../../src/core/operation";
import { fileBanner, operationDoc } from "./docs";
import { literalDoc, typeLiteralDoc } from "./literal";
import {
  call,
  constDeclaration,
  expandedObjectType,
  functionDeclaration,
  identifier,
  importDeclaration,
  interfaceDeclaration,
  methodSignature,
  objectLiteral,
  propertySignature,
  rawType,
  returnStatement,
  tupleType,
  typeAlias,
  typed,
  typeRef,
  verbatim,
  type ExprDoc,
  type Member,
  type Parameter,
  type Statement,
  type TypeDoc,
} from "./syntax";
import { printFile, type PrintedFiles } from "./printed-files";

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
function pageItemType(result: string, itemsPath: readonly string[] | undefined): TypeDoc {
  const path = itemsPath ?? ["data"];
  if (path.length === 1 && path[0] === "data") return typeRef("PageItem", [typeRef(result)]);
  return typeRef("PageItem", [typeRef(result), tupleType(path.map((segment) => JSON.stringify(segment)))]);
}

/** `OperationParams<Op>`, with the renames of clashing names when the operation has any: `OperationParams<Op, { query: { path: "queryPath" } }>`. */
function paramsType(op: OperationModel, opType: string): TypeDoc {
  const renames: Record<string, Record<string, string>> = {};
  for (const { name, flatName, in: location } of op.parameters) {
    if (flatName !== name) (renames[location] ??= {})[name] = flatName;
  }
  const args = [typeRef(opType)];
  if (Object.keys(renames).length > 0) args.push(typeLiteralDoc(renames));
  return typeRef("OperationParams", args);
}

function operationStatements(op: OperationModel, statements: (string | Statement)[]): void {
  const ids = operationIdentifiers(op);
  // A blank line before each operation's group of declarations.
  statements.push(typeAlias(ids.opType, rawType(`paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`), { blankBefore: true }));
  statements.push(typeAlias(ids.params, paramsType(op, ids.opType), { isExported: true }));
  if (op.requestBody) statements.push(typeAlias(ids.body, typeRef("OperationBody", [typeRef(ids.opType)]), { isExported: true }));
  statements.push(typeAlias(ids.result, typeRef("OperationResult", [typeRef(ids.opType)]), { isExported: true }));
  if (op.shapes.paginator) statements.push(typeAlias(ids.item, pageItemType(ids.result, op.shapes.paginator.itemsPath), { isExported: true }));
  const descriptor = typed(typed(literalDoc(operationDescriptor(op)), "as", "const"), "satisfies", typeRef("OperationDescriptor"));
  statements.push(constDeclaration(ids.descriptor, descriptor, { isExported: true, doc: operationDoc(op) }));
}

/** Operations grouped by namespace, both in model order (sorted). */
function byNamespace(model: ApiModel): [string, OperationModel[]][] {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) {
    const group = groups.get(op.namespace);
    if (group) group.push(op);
    else groups.set(op.namespace, [op]);
  }
  return [...groups];
}

function memberSignature(op: OperationModel): Member {
  const ids = operationIdentifiers(op);
  const args: Parameter[] = operationArguments(op).map(({ arg, optional }) => ({
    name: arg,
    type: typeRef(arg === "params" ? ids.params : ids.body),
    optional,
  }));
  const name = propertyKey(op.name);
  if (op.shapes.paginator) {
    const tuple = tupleType(args.map(({ name: arg, type, optional }) => [arg, optional ? "?" : "", ": ", type.doc]));
    return { doc: operationDoc(op), member: propertySignature(name, typeRef("PaginatedOperation", [tuple, typeRef(ids.result), typeRef(ids.item)])) };
  }
  const options: Parameter = { name: "options", type: typeRef("RequestOptions"), optional: true };
  return { doc: operationDoc(op), member: methodSignature(name, [...args, options], typeRef("Promise", [typeRef(ids.result)])) };
}

function resourcesInterface(groups: [string, OperationModel[]][]): Statement {
  const members = groups.map(([namespace, ops]): Member => ({
    member: propertySignature(propertyKey(namespace), expandedObjectType(ops.map(memberSignature))),
  }));
  return interfaceDeclaration("ArtuResources", members, {
    isExported: true,
    doc: "Every operation of the API, one namespace per tag; `createResources` implements it.",
  });
}

function createResourcesFunction(groups: [string, OperationModel[]][]): Statement {
  const namespaces = groups.map(([namespace, ops]): readonly [string, ExprDoc] => {
    const methods = ops.map((op): readonly [string, ExprDoc] => {
      const member = rawType(`ArtuResources[${JSON.stringify(namespace)}][${JSON.stringify(op.name)}]`);
      return [propertyKey(op.name), call("binder.bind", [member], [identifier(operationIdentifiers(op).descriptor)])];
    });
    return [propertyKey(namespace), objectLiteral(methods, true)];
  });
  return functionDeclaration({
    name: "createResources",
    isExported: true,
    doc: "Binds every operation descriptor through the runtime client's binder.",
    parameters: [{ name: "binder", type: typeRef("OperationBinder") }],
    returnType: typeRef("ArtuResources"),
    body: [returnStatement(objectLiteral(namespaces, true))],
  });
}

function runtimeTypeImports(model: ApiModel): string[] {
  const used = new Set(["OperationBinder", "OperationDescriptor", "OperationParams", "OperationResult", "RequestOptions"]);
  if (model.operations.some((op) => op.requestBody)) used.add("OperationBody");
  if (model.operations.some((op) => op.shapes.paginator)) used.add("PageItem").add("PaginatedOperation");
  return [...used].sort();
}

export function emitOperations(files: PrintedFiles, model: ApiModel, options: EmitOptions): string {
  return printFile(files, "operations.ts", operationsFile(model, options));
}

/** operations.ts statement by statement (printFile prints each as it comes). */
function* operationsFile(model: ApiModel, options: EmitOptions): Generator<string | Statement> {
  yield verbatim(fileBanner(model.title, model.version));
  yield importDeclaration(runtimeTypeImports(model), options.runtimeImport, true);
  if (model.operations.length > 0) yield importDeclaration(["paths"], "./schema", true);
  for (const op of model.operations) {
    const statements: Statement[] = [];
    operationStatements(op, statements);
    yield* statements;
  }
  const groups = byNamespace(model);
  yield resourcesInterface(groups);
  yield createResourcesFunction(groups);
}
