/**
 * The files printed in one generation run: emitters hand their file over as
 * a list of statements (syntax.ts documents, or lines written as is) and get
 * its text back, each statement laid out by prettier's document printer
 * (layout.ts) as prettier would lay it out, so that the formatter (format.ts)
 * finds nothing, or almost nothing, left for prettier.
 *
 * Where each top-level statement starts is kept, so that the formatter can
 * work statement by statement (`printedStatements`).
 */
import { printDoc } from "./layout";
import type { Statement } from "./syntax";

export interface PrintedFiles {
  /** The text of every file printed so far, cut at the start of each top-level statement. */
  readonly pieces: Map<string, readonly string[]>;
}

export function createPrintedFiles(): PrintedFiles {
  return { pieces: new Map() };
}

/** A statement's text, in prettier's layout. */
export function printStatement(statement: string | Statement): string {
  return typeof statement === "string" ? statement : printDoc(statement.doc);
}

/**
 * The file's text: the statements one after the other, a blank line before
 * those that ask for one and around functions, classes and interfaces, a
 * newline at the end. Each statement is printed as it comes: an emitter that
 * yields them one by one never holds the documents of a whole file (on
 * Microsoft Graph's spec ~200 MB, which would outlive the young generation).
 */
export function printFile(files: PrintedFiles, name: string, statements: Iterable<string | Statement>): string {
  const block = (statement: string | Statement | undefined) => typeof statement === "object" && statement.block === true;
  const pieces: string[] = [];
  let previous: string | Statement | undefined;
  for (const statement of statements) {
    const text = printStatement(statement);
    const blank = (typeof statement === "object" && statement.blankBefore) || block(statement) || block(previous);
    pieces.push(pieces.length === 0 ? text : `${blank ? "\n\n" : "\n"}${text}`);
    previous = statement;
  }
  if (pieces.length > 0) pieces[pieces.length - 1] += "\n";
  files.pieces.set(name, pieces);
  return pieces.join("");
}

/**
 * The text of the file last printed under `name`, cut at the start of each
 * top-level statement (each piece starts with the blank lines before it):
 * joined, they are printFile's text.
 */
export function printedStatements(files: PrintedFiles, name: string): readonly string[] {
  const pieces = files.pieces.get(name);
  if (!pieces) throw new Error(`printedStatements: ${name} was not printed in this run`);
  return pieces;
}
