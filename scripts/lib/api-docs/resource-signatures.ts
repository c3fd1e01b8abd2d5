/**
 * The signatures of the generated methods, read from the `ArtuResources`
 * interface of generated/operations.ts (TypeScript's parser, no type check):
 * the reference shows exactly what the compiler sees.
 */
import ts from "typescript";

export type MethodSignature =
  | { readonly kind: "method"; readonly params: readonly string[]; readonly result: string }
  /** A PaginatedOperation: callable like a method, plus `.iterate()` and `.pages()`. */
  | { readonly kind: "paginated"; readonly params: readonly string[]; readonly page: string; readonly item: string };

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function print(node: ts.Node, file: ts.SourceFile): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, file).replace(/\s+/g, " ");
}

function propertyName(name: ts.PropertyName, file: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(file);
}

function memberSignature(member: ts.TypeElement, file: ts.SourceFile, where: string): MethodSignature {
  if (ts.isMethodSignature(member) && member.type) {
    return { kind: "method", params: member.parameters.map((param) => print(param, file)), result: print(member.type, file) };
  }
  if (ts.isPropertySignature(member) && member.type && ts.isTypeReferenceNode(member.type)) {
    const [args, page, item] = member.type.typeArguments ?? [];
    if (member.type.typeName.getText(file) === "PaginatedOperation" && args && ts.isTupleTypeNode(args) && page && item) {
      return { kind: "paginated", params: args.elements.map((element) => print(element, file)), page: print(page, file), item: print(item, file) };
    }
  }
  throw new Error(`${where}: expected a method or a PaginatedOperation<[…], Page, Item>, got \`${print(member, file)}\``);
}

/** "namespace.method" → its signature, for every member of `ArtuResources`. */
export function readResourceSignatures(source: string, fileName: string): Map<string, MethodSignature> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const resources = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === "ArtuResources",
  );
  if (!resources) throw new Error(`${fileName}: no \`interface ArtuResources\`; run \`npm run generate\``);
  const signatures = new Map<string, MethodSignature>();
  for (const namespace of resources.members) {
    if (!ts.isPropertySignature(namespace) || !namespace.type || !ts.isTypeLiteralNode(namespace.type)) continue;
    const ns = propertyName(namespace.name, file);
    for (const member of namespace.type.members) {
      if (!member.name) continue;
      const name = `${ns}.${propertyName(member.name, file)}`;
      signatures.set(name, memberSignature(member, file, `${fileName} ArtuResources.${name}`));
    }
  }
  return signatures;
}

/** Names a module exports at its top level (declarations with `export`, and `export { … }` lists). */
export function readExportedNames(source: string, fileName: string): Set<string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.add((statement.name as ts.Identifier).text);
    }
  }
  return names;
}
