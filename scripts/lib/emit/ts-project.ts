/**
 * One in-memory ts-morph project per generation run: emitters hand their file
 * over as a list of statement structures and get its text back. prettier
 * formats the text afterwards (format.ts).
 *
 * The text comes from ts-morph's own structure printer, statement by
 * statement, exactly as `project.createSourceFile(name, { statements })`
 * writes it, but without what that call does next: parse the text into a
 * TypeScript AST nobody reads (on Microsoft Graph's spec, 11k operations, a
 * parse of ~13 MB costing seconds and hundreds of MB). The printer is reached
 * through the project's internal context (ts-morph is pinned; the test
 * test/generate/format.test.ts checks that the text equals createSourceFile's).
 * Where each top-level statement starts is kept, so that the formatter can
 * work statement by statement (`printedStatements`).
 *
 * One departure: a value written over several lines (a variable's initializer,
 * such as an object literal.ts expands in prettier's layout, or an interface
 * property's type given as a writer function) is printed on its own and
 * indented like the line it starts on, as prettier lays it out; ts-morph
 * would indent its lines after the first by one more level (a hanging
 * indent), which prettier would then have to undo over the whole statement.
 */
import {
  IndentationText,
  StructureKind,
  NewLineKind,
  Project,
  QuoteKind,
  type CodeBlockWriter,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";

type Statement = string | WriterFunction | StatementStructures;

/** The part of ts-morph's internal context used here (ts-morph 28). */
interface PrinterContext {
  createWriter(): CodeBlockWriter;
  structurePrinterFactory: {
    forStatement(options: { isAmbient: boolean }): { printTexts(writer: CodeBlockWriter, statements: Statement[]): void };
  };
}

const printed = new WeakMap<Project, Map<string, readonly string[]>>();

export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

/** The file's text, as ts-morph prints these statements into a new source file. */
export function printFile(project: Project, name: string, statements: readonly Statement[]): string {
  const context = (project as unknown as { _context: PrinterContext })._context;
  const writer = context.createWriter();
  const printer = context.structurePrinterFactory.forStatement({ isAmbient: name.endsWith(".d.ts") });
  const starts: number[] = [];
  const values: (readonly string[])[] = [];
  for (const statement of statements) {
    starts.push(writer.getLength());
    const { printable, verbatim } = withPlaceholders(statement, () => context.createWriter());
    values.push(verbatim);
    // One statement per call: the printer's separator logic reads only the writer's state, so this writes what one call with all of them would.
    printer.printTexts(writer, [printable]);
  }
  // What ts-morph's source file printer ends with.
  writer.conditionalNewLine(!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine());
  const text = writer.toString();
  const ends = [...starts.slice(1), text.length];
  const pieces = starts.map((start, i) => values[i]!.reduce(putBack, text.slice(start, ends[i])));
  printed.set(project, (printed.get(project) ?? new Map()).set(name, pieces));
  return pieces.join("");
}

const placeholder = (index: number) => `__generate_multiline_value_${index}__`;

/** The statement with each multi-line initializer or property type replaced by a placeholder, and their texts in order. */
function withPlaceholders(statement: Statement, createWriter: () => CodeBlockWriter): { printable: Statement; verbatim: readonly string[] } {
  const verbatim: string[] = [];
  const replace = (value: string | WriterFunction | undefined) => {
    const text = typeof value === "function" ? written(value, createWriter()) : value;
    if (text === undefined || !text.includes("\n")) return value;
    verbatim.push(text);
    return placeholder(verbatim.length - 1);
  };
  if (typeof statement !== "object") return { printable: statement, verbatim };
  if (statement.kind === StructureKind.VariableStatement) {
    const declarations = statement.declarations.map((declaration) => ({ ...declaration, initializer: replace(declaration.initializer) }));
    return { printable: { ...statement, declarations }, verbatim };
  }
  if (statement.kind === StructureKind.Interface && statement.properties) {
    const properties = statement.properties.map((property) => ({ ...property, type: replace(property.type) }));
    return { printable: { ...statement, properties }, verbatim };
  }
  return { printable: statement, verbatim };
}

function written(write: WriterFunction, writer: CodeBlockWriter): string {
  write(writer);
  return writer.toString();
}

/** Puts value `index` back in place of its placeholder, its lines after the first indented like the line it starts on. */
function putBack(piece: string, value: string, index: number): string {
  const at = piece.indexOf(placeholder(index));
  if (at < 0) throw new Error(`printFile: placeholder ${index} was not printed`);
  const lineStart = piece.lastIndexOf("\n", at) + 1;
  const indent = /^ */.exec(piece.slice(lineStart, at))![0];
  return piece.slice(0, at) + value.replaceAll("\n", `\n${indent}`) + piece.slice(at + placeholder(index).length);
}

/**
 * The text of the file last printed under `name`, cut at the start of each
 * top-level statement (each piece starts with the blank lines before it):
 * joined, they are printFile's text.
 */
export function printedStatements(project: Project, name: string): readonly string[] {
  const pieces = printed.get(project)?.get(name);
  if (!pieces) throw new Error(`printedStatements: ${name} was not printed in this project`);
  return pieces;
}
