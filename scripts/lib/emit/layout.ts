/**
 * A small copy of prettier's document printer (prettier 3: `group`, `indent`,
 * `line`/`softline`/`hardline`, `ifBreak`, `indentIfBreak`, and its
 * `printDocToString`/`fits` algorithm), so that the emitters can lay out what
 * they print exactly as prettier would: syntax.ts builds, for each construct
 * the emitters use, the document prettier's own printer builds for it, and
 * this file prints it at prettier's print width. The formatter (format.ts)
 * then finds nothing left to do, and prettier is not even loaded.
 *
 * Width is measured as prettier does for ASCII text. Text with other
 * characters (prettier counts East Asian wide ones twice, combining marks
 * not at all) makes the result `uncertain`: the caller then prints the
 * document with every group flat and lets format.ts decide (a line it
 * cannot be sure of goes to prettier).
 */

export type Doc = string | readonly Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak | Comment;

interface Group {
  readonly type: "group";
  readonly contents: Doc;
  /** Broken whatever the width: it holds a hard line or a broken group (prettier's propagateBreaks), or was asked to. */
  readonly break: boolean;
  readonly id?: symbol;
}
interface Indent {
  readonly type: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly type: "line";
  readonly soft: boolean;
  readonly hard: boolean;
}
interface IfBreak {
  readonly type: "if-break";
  readonly breakContents: Doc;
  readonly flatContents: Doc;
  readonly groupId?: symbol;
}
interface IndentIfBreak {
  readonly type: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}
/** Text on a line of its own (a doc comment): printed as is, never measured. */
interface Comment {
  readonly type: "comment";
  readonly text: string;
}

export const PRINT_WIDTH = 120;

export const line: Line = { type: "line", soft: false, hard: false };
export const softline: Line = { type: "line", soft: true, hard: false };
export const hardline: Line = { type: "line", soft: false, hard: true };

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  return { type: "group", contents, break: options.shouldBreak === true || willBreak(contents), ...(options.id ? { id: options.id } : {}) };
}

export function indent(contents: Doc): Indent {
  return { type: "indent", contents };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): IfBreak {
  return { type: "if-break", breakContents, flatContents, ...(groupId ? { groupId } : {}) };
}

export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { type: "indent-if-break", contents, groupId };
}

export function comment(text: string): Comment {
  return { type: "comment", text };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) parts.push(separator);
    parts.push(doc);
  });
  return parts;
}

/** Whether the document breaks whatever the width (a hard line, or a group that does, outside any group). */
function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).some(willBreak);
  const node = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (node.type) {
    case "group":
      return node.break;
    case "line":
      return node.hard;
    case "indent":
    case "indent-if-break":
      return willBreak(node.contents);
    case "if-break":
      return willBreak(node.breakContents) || willBreak(node.flatContents);
    case "comment":
      return false;
  }
}

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;
type Command = [indentation: number, mode: Mode, doc: Doc];

export interface Printed {
  readonly text: string;
  /** Text whose width prettier measures differently (non-ASCII) was measured: the layout may not be prettier's. */
  readonly uncertain: boolean;
}

/**
 * The document as prettier prints it at `width` (prettier's printDocToString,
 * less what these documents never hold: line suffixes, alignments,
 * conditional groups, fills). `flat`: every group that can be flat is.
 */
export function printDoc(doc: Doc, width = PRINT_WIDTH, flat = false): Printed {
  const out: string[] = [];
  let pos = 0;
  let uncertain = false;
  const measure = (text: string): number => {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 127) {
        uncertain = true;
        break;
      }
    }
    return text.length;
  };
  const modes = new Map<symbol, Mode>();
  const commands: Command[] = [[0, BREAK, doc]];
  while (commands.length > 0) {
    const [indentation, mode, current] = commands.pop()!;
    if (typeof current === "string") {
      out.push(current);
      pos += measure(current);
      continue;
    }
    if (Array.isArray(current)) {
      const parts = current as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) commands.push([indentation, mode, parts[i]!]);
      continue;
    }
    const node = current as Exclude<Doc, string | readonly Doc[]>;
    switch (node.type) {
      case "comment":
        out.push(node.text);
        pos += node.text.length;
        break;
      case "indent":
        commands.push([indentation + 2, mode, node.contents]);
        break;
      case "indent-if-break":
        commands.push([modes.get(node.groupId) === BREAK ? indentation + 2 : indentation, mode, node.contents]);
        break;
      case "group": {
        let groupMode: Mode;
        if (flat || mode === FLAT) groupMode = node.break ? BREAK : FLAT;
        else {
          const next: Command = [indentation, FLAT, node.contents];
          groupMode = !node.break && fits(next, commands, width - pos, modes) ? FLAT : BREAK;
        }
        commands.push([indentation, groupMode, node.contents]);
        if (node.id) modes.set(node.id, groupMode);
        break;
      }
      case "if-break": {
        const groupMode = node.groupId ? (modes.get(node.groupId) ?? FLAT) : mode;
        commands.push([indentation, mode, groupMode === BREAK ? node.breakContents : node.flatContents]);
        break;
      }
      case "line":
        if (mode === FLAT && !node.hard) {
          if (!node.soft) {
            out.push(" ");
            pos += 1;
          }
          break;
        }
        trimEnd(out);
        out.push(`\n${" ".repeat(indentation)}`);
        pos = indentation;
        break;
    }
  }
  return { text: out.join(""), uncertain };
}

/** prettier's `fits`: whether `next`, then the rest of the commands up to their first possible line break, fit in `width`. */
function fits(next: Command, rest: readonly Command[], width: number, modes: ReadonlyMap<symbol, Mode>): boolean {
  let restIndex = rest.length;
  const stack: [Mode, Doc][] = [[next[1], next[2]]];
  while (width >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      const [, mode, doc] = rest[--restIndex]!;
      stack.push([mode, doc]);
      continue;
    }
    const [mode, doc] = stack.pop()!;
    if (typeof doc === "string") {
      width -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      const parts = doc as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) stack.push([mode, parts[i]!]);
      continue;
    }
    const node = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (node.type) {
      case "comment":
        width -= node.text.length;
        break;
      case "indent":
      case "indent-if-break":
        stack.push([mode, node.contents]);
        break;
      case "group":
        stack.push([node.break ? BREAK : mode, node.contents]);
        break;
      case "if-break": {
        const groupMode = node.groupId ? (modes.get(node.groupId) ?? FLAT) : mode;
        stack.push([mode, groupMode === BREAK ? node.breakContents : node.flatContents]);
        break;
      }
      case "line":
        if (mode === BREAK || node.hard) return true;
        if (!node.soft) width -= 1;
        break;
    }
  }
  return false;
}

/** Drops the spaces at the end of the output (prettier trims them before each line break). */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/ +$/, "");
    if (trimmed.length > 0 || last.length === 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
