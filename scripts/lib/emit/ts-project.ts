/**
 * One emit project per generation run: emitters hand their file over as a
 * list of statements (syntax.ts documents, or lines written as is) and get
 * its text back, each statement laid out by layout.ts as prettier would lay
 * it out, so that the formatter (format.ts) finds nothing, or almost nothing,
 * left for prettier.
 *
 * No TypeScript AST and no ts-morph here: the emitters used to build ts-morph
 * statement structures and print them with ts-morph's structure printer,
 * which cost loading ts-morph (and the TypeScript compiler under it, ~0.5–0.9 s
 * and ~100 MB) on every run for what is string assembly, and left every line
 * over the print width for prettier to break.
 *
 * Where each top-level statement starts is kept, so that the formatter can
 * work statement by statement (`printedStatements`). A statement whose
 * layout cannot be certain (text that prettier measures differently, see
 * layout.ts) is printed with every group flat: format.ts then keeps its lines
 * if they fit for sure and gives it to prettier if not.
 */
import { printDoc } from "./layout";
import type { Statement } from "./syntax";

export interface EmitProject {
  /** The text of every file printed so far, cut at the start of each top-level statement. */
  readonly printed: Map<string, readonly string[]>;
}

export function createEmitProject(): EmitProject {
  return { printed: new Map() };
}

/** A statement's text: its layout, or every group flat when the layout is uncertain. */
export function printStatement(statement: string | Statement): string {
  if (typeof statement === "string") return statement;
  const printed = printDoc(statement.doc);
  return printed.uncertain ? printDoc(statement.doc, undefined, true).text : printed.text;
}

/**
 * The file's text: the statements one after the other, a blank line before
 * those that ask for one and around functions, classes and interfaces, a
 * newline at the end.
 */
export function printFile(project: EmitProject, name: string, statements: readonly (string | Statement)[]): string {
  const block = (statement: string | Statement | undefined) => typeof statement === "object" && statement.block === true;
  const pieces = statements.map((statement, i) => {
    const text = printStatement(statement);
    if (i === 0) return text;
    const blank = (typeof statement === "object" && statement.blankBefore) || block(statement) || block(statements[i - 1]);
    return `${blank ? "\n\n" : "\n"}${text}`;
  });
  if (pieces.length > 0) pieces[pieces.length - 1] += "\n";
  project.printed.set(name, pieces);
  return pieces.join("");
}

/**
 * The text of the file last printed under `name`, cut at the start of each
 * top-level statement (each piece starts with the blank lines before it):
 * joined, they are printFile's text.
 */
export function printedStatements(project: EmitProject, name: string): readonly string[] {
  const pieces = project.printed.get(name);
  if (!pieces) throw new Error(`printedStatements: ${name} was not printed in this project`);
  return pieces;
}
