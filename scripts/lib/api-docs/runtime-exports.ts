/**
 * The hand-written exports of a package entry (src/index.ts, src/emulator/index.ts),
 * through TypeScript's checker: what each name is (function, class, type…),
 * its signature or base class, and the first sentence of its doc comment.
 * Names declared in generated/ are left out: the resource sections cover them.
 */
import { relative, sep } from "node:path";
import ts from "typescript";

export type ExportKind = "function" | "class" | "interface" | "type" | "const";

export interface RuntimeExport {
  readonly name: string;
  readonly kind: ExportKind;
  /** Repository-relative file of the declaration, e.g. "src/client/errors.ts". */
  readonly file: string;
  /** Functions: `(a: A): R` per overload; classes: the base class; consts: the type. */
  readonly detail: string;
  readonly doc: string;
  /** `@example` blocks of the doc comment, as written. */
  readonly examples: readonly string[];
  /** Interfaces: their properties and methods, in declaration order. */
  readonly members: readonly InterfaceMember[];
}

export interface InterfaceMember {
  readonly name: string;
  readonly optional: boolean;
  readonly type: string;
  readonly doc: string;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
};

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** One program for every entry; returns entry path → its exports sorted by name. */
export function readRuntimeExports(root: string, entries: readonly string[]): Map<string, RuntimeExport[]> {
  const program = ts.createProgram({ rootNames: entries.map((entry) => `${root}/${entry}`), options: COMPILER_OPTIONS });
  const checker = program.getTypeChecker();
  const result = new Map<string, RuntimeExport[]>();
  for (const entry of entries) {
    const file = program.getSourceFile(`${root}/${entry}`);
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`${entry}: not a module TypeScript can read`);
    const exports = checker
      .getExportsOfModule(module)
      .map((symbol) => describeExport(checker, root, symbol))
      .filter((entryExport): entryExport is RuntimeExport => entryExport !== undefined && !entryExport.file.startsWith("generated/"))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    result.set(entry, exports);
  }
  return result;
}

function describeExport(checker: ts.TypeChecker, root: string, exported: ts.Symbol): RuntimeExport | undefined {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  if (!declaration) return undefined;
  const file = relative(root, declaration.getSourceFile().fileName).split(sep).join("/");
  const kind = kindOf(symbol);
  if (!kind) return undefined;
  const documented = isFileHeader(declaration) ? undefined : symbol;
  return {
    name: exported.name,
    kind,
    file,
    detail: detailOf(checker, symbol, kind, declaration),
    doc: documented ? firstSentence(documented, checker) : "",
    examples: documented ? examplesOf(documented, checker) : [],
    members: kind === "interface" ? membersOf(checker, symbol, declaration) : [],
  };
}

function membersOf(checker: ts.TypeChecker, symbol: ts.Symbol, declaration: ts.Declaration): InterfaceMember[] {
  return checker
    .getDeclaredTypeOfSymbol(symbol)
    .getProperties()
    .map((member) => {
      const optional = (member.flags & ts.SymbolFlags.Optional) !== 0;
      const type = oneLine(checker.typeToString(checker.getTypeOfSymbolAtLocation(member, declaration), declaration, FORMAT));
      // `?` already says it may be missing.
      return { name: member.name, optional, type: optional ? type.replace(/ \| undefined$/, "") : type, doc: firstSentence(member, checker) };
    });
}

/** A doc comment at the very top of a file describes the file, although TypeScript attaches it to the first declaration. */
function isFileHeader(declaration: ts.Declaration): boolean {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
  return docs.length === 1 && docs[0]!.getStart() === 0 && statement.getSourceFile().statements.length > 1;
}

function examplesOf(symbol: ts.Symbol, checker: ts.TypeChecker): string[] {
  return symbol
    .getJsDocTags(checker)
    .filter((tag) => tag.name === "example" && tag.text)
    .map((tag) => dedent(ts.displayPartsToString(tag.text)));
}

function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, "").split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

function kindOf(symbol: ts.Symbol): ExportKind | undefined {
  if (symbol.flags & ts.SymbolFlags.Class) return "class";
  if (symbol.flags & ts.SymbolFlags.Function) return "function";
  if (symbol.flags & ts.SymbolFlags.Interface) return "interface";
  if (symbol.flags & ts.SymbolFlags.TypeAlias) return "type";
  if (symbol.flags & ts.SymbolFlags.Variable) return "const";
  return undefined;
}

function detailOf(checker: ts.TypeChecker, symbol: ts.Symbol, kind: ExportKind, declaration: ts.Declaration): string {
  if (kind === "class" && ts.isClassDeclaration(declaration)) {
    const base = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    return base ? `extends ${base.expression.getText()}` : "";
  }
  if (kind === "function" || kind === "const") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    if (kind === "function") {
      return type
        .getCallSignatures()
        .map((signature) => oneLine(checker.signatureToString(signature, declaration, FORMAT)))
        .join("\n");
    }
    return oneLine(checker.typeToString(type, declaration, FORMAT));
  }
  return "";
}

function firstSentence(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const text = oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
  // A period that ends a sentence: before a capital or the end, not in "e.g." / "i.e.".
  const end = /(?<!\b(?:e\.g|i\.e))\.(?=\s+[A-Z]|$)/.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
