/**
 * Layout by prettier's own document printer (`prettier/doc`, public API):
 * syntax.ts builds, for each construct the emitters use, the document
 * prettier's TypeScript printer builds for it, with prettier's builders, and
 * this file prints it with prettier's printDocToString at our print width.
 * The formatter (format.ts) then finds nothing left to do, and prettier's
 * parser and printers are not even loaded (prettier/doc is a small standalone
 * module).
 *
 * Width is prettier's (its getStringWidth: East Asian wide characters count
 * two columns, combining marks none), since the printer is prettier's.
 */
import { builders, printer } from "prettier/doc";

export type Doc = builders.Doc;

export const PRINT_WIDTH = 120;

/**
 * prettier's builders. A group holding a hard line or a broken group breaks:
 * printDocToString propagates breaks (prettier's propagateBreaks) before it
 * prints.
 */
export const { indent, ifBreak, indentIfBreak, line, softline, hardline } = builders;

/** prettier's group; a group of text alone is that text (it holds nothing to break). */
export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc {
  if (typeof contents === "string" && options.id === undefined && options.shouldBreak !== true) return contents;
  return builders.group(contents, options);
}

/**
 * The parts one after the other, as one document with fewer nodes for the
 * printer to walk (the same output): nested lists flattened, adjacent texts
 * joined, empty ones dropped; a single part is itself.
 */
export function concat(parts: readonly Doc[]): Doc {
  const out: Doc[] = [];
  const text = flatten(parts, out, "");
  if (text !== "") out.push(text);
  return out.length === 0 ? "" : out.length === 1 ? out[0]! : out;
}

/** Adds the parts to `out`, texts joined; returns the text not added yet (to be followed by `pending`'s successors). */
function flatten(parts: readonly Doc[], out: Doc[], pending: string): string {
  let text = pending;
  for (const part of parts) {
    if (typeof part === "string") text += part;
    else if (Array.isArray(part)) text = flatten(part as readonly Doc[], out, text);
    else {
      if (text !== "") out.push(text);
      text = "";
      out.push(part);
    }
  }
  return text;
}

/** prettier's join (which only reads the list). */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return builders.join(separator, docs as Doc[]);
}

const OPTIONS = { printWidth: PRINT_WIDTH, tabWidth: 2, useTabs: false } as const;

/** The document as prettier prints it at `width` (Infinity: every group flat that is not broken). */
export function printDoc(doc: Doc, width: number = PRINT_WIDTH): string {
  return printer.printDocToString(doc, width === PRINT_WIDTH ? OPTIONS : { ...OPTIONS, printWidth: width }).formatted;
}

/** A character prettier may measure other than as one column (a non-ASCII one). */
const NON_ASCII = /[^\x20-\x7e]/;

/** Whether this one line of text (indentation included) is within the print width, as prettier measures it. */
export function fitsPrintWidth(text: string): boolean {
  if (!NON_ASCII.test(text)) return text.length <= PRINT_WIDTH;
  // prettier's printer measures the text: a group holding it and a soft line stays flat when it fits.
  return !printDoc(group([text, softline])).includes("\n");
}
