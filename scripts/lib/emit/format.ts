/**
 * prettier is the formatter of record for every emitted TypeScript file
 * except schema.ts (see schema.ts: on a GitHub-sized spec prettier alone
 * would take longer than generating). Every file we emit is, byte for byte,
 * what prettier makes of it (test/generate/format.test.ts checks it on the
 * fixture specs).
 *
 * The emitters lay out what they print with prettier's own document printer
 * and the documents its TypeScript printer would build (layout.ts,
 * syntax.ts), so on the specs we know nothing is left for prettier and its
 * parser is not even loaded (it is imported on the first statement that
 * needs it). It stays the fallback for whatever is not certainly in its
 * layout.
 *
 * Cost: prettier takes a few µs per byte, and operations.ts grows with the
 * spec (1.4 MB for GitHub's 1,223 operations, ~14 MB for Microsoft Graph's
 * 11,422), so running it over whole files cost more than openapi-typescript
 * itself. But what the emitters print is already in prettier's layout, so
 * prettier only gets what it might change:
 *  - per top-level statement: one that passes `isPrettierShaped` is kept as
 *    printed;
 *  - inside a `{ … }` block statement with some long members (the
 *    `ArtuResources` interface, `createResources`), only those members go to
 *    prettier, in a copy of the statement reduced to them and their enclosing
 *    block lines. Members of an interface, a type literal, an object literal
 *    printed expanded, or a function body are laid out independently of their
 *    siblings, so each comes out as it would in the whole file; the reduced
 *    copy's other lines must come back unchanged, else the whole statement is
 *    formatted.
 * Top-level statements are laid out independently too (apart from the blank
 * lines between them, at most one kept, which the assembly does the same
 * way). Everything that goes to prettier goes in a few large calls.
 */
import { fitsPrintWidth, PRINT_WIDTH } from "./layout";

// babel-ts: the same output as the "typescript" parser on generated code, in about half the time.
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: PRINT_WIDTH } as const;

/** Text per prettier call stays under this many characters (a bound on its AST's memory). */
const BATCH_CHARS = 256 * 1024;

/** Comments prettier keeps on their own line, put between the pieces of one call and cut at. */
const BOUNDARY = "// @generate-format-boundary";
const MEMBER_START = "// @generate-format-member-start";
const MEMBER_END = "// @generate-format-member-end";

/** prettier, loaded on first use (~0.3 s and ~40 MB that a run with nothing to format does without). */
let prettier: Promise<typeof import("prettier")> | undefined;

/** What prettier makes of this text. */
export async function formatTypeScript(text: string): Promise<string> {
  return isPrettierShapedFile(text) ? text : runPrettier(text);
}

async function runPrettier(text: string): Promise<string> {
  prettierWork.calls++;
  prettierWork.characters += text.length;
  prettier ??= import("prettier");
  return (await prettier).format(text, PRETTIER_OPTIONS);
}

/** Counters of the work prettier was given (for measurements and tests). */
export const prettierWork = { calls: 0, characters: 0 };

/**
 * Whether prettier leaves this whole file as it is, for a file of the
 * simplest form only (index.ts): one-line `export * from "…";` statements
 * and doc comments, single blank lines between them, one newline at the end.
 */
function isPrettierShapedFile(text: string): boolean {
  if (!text.endsWith("\n") || text.endsWith("\n\n")) return false;
  const lines = text.slice(0, -1).split("\n");
  return lines.every(
    (line, i) =>
      (line === "" && i > 0 && lines[i - 1] !== "") ||
      (fitsPrintWidth(line) && /^export \* from "[\w./@-]+";$/.test(line)) ||
      (/^\/\*\* [^\n]*\*\/$/.test(line) && line.indexOf("*/") === line.length - 2),
  );
}

/**
 * Whether prettier leaves these lines (a statement or a member, with their
 * indentation; `indent`: the column they start at) as they are. Conservative:
 * a wrong "no" only costs time; a wrong "yes" would leave unformatted code,
 * which the format test (prettier over the generated files) would catch.
 */
export function isPrettierShaped(lines: readonly string[], indent = 0): boolean {
  /** Open brackets (`{`, `[`, `(`, `<` ending a line) and hanging operators (a line ending with ` =` or `:`), by column. */
  const openers: { column: number; hang: boolean; char?: string }[] = [];
  let inComment = false;
  let opened = false;
  let hung = false;
  for (const line of lines) {
    // prettier breaks code that does not fit (measured as prettier does), never a comment nor what has no place to break.
    const afterHang = hung;
    hung = false;
    if (!fitsPrintWidth(line) && !isWholeComment(line) && !isUnbreakable(line.trimStart(), afterHang, openers.at(-1)?.char)) return false;
    // Quotes and escapes (prettier prefers double quotes, may drop a needless escape), tabs, trailing or blank-line whitespace.
    if (line.includes("\\") || line.includes("\t") || line.trim() === "" || line.endsWith(" ")) return false;
    // A single quote outside double-quoted strings (inside one, with no double quote in it, prettier keeps the double quotes).
    if (line.includes("'") && !isWholeComment(line) && line.replace(/"[^"]*"/g, '""').includes("'")) return false;
    // Arrays of objects (broken one element per line even when they fit, unless a lone flat object); numbers in exponent form (rewritten).
    if (/\[\s*\{/.test(line.replace(/\[\{(?:[^{}[\]]|\[[^{}[\]]*\])*\}\]/g, ""))) return false;
    if (/(?<![\w$])(?:\d+\.?\d*|\.\d+)[eE][+-]?\d/.test(line.replace(/"[^"]*"/g, '""'))) return false;
    const content = line.trimStart();
    const column = line.length - content.length;
    const expected = indent + 2 * openers.length;
    if (inComment || (content.startsWith("*") && !content.startsWith("*/"))) {
      // A line inside a block comment: ` * text`, one column in.
      if (!content.startsWith("*") || column !== expected + 1) return false;
      if (content.includes("*/")) inComment = false;
      continue;
    }
    const comment = content.startsWith("//") || content.startsWith("/*");
    if (!comment && /^[}\])>]/.test(content)) {
      // A closer sits at its opener's column; an empty block printed over two lines becomes `{}`.
      const opener = openers.pop();
      if (opened || !opener || opener.hang || column !== opener.column) return false;
    } else if (column !== expected) {
      return false;
    }
    if (content.startsWith("/*") && !content.includes("*/")) inComment = true;
    opened = !comment && /[{[(<]$/.test(content);
    if (opened) openers.push({ column, hang: false, char: content.at(-1)! });
    else if (!comment && /(?: =|[\w"\]?]:)$/.test(content)) {
      openers.push({ column, hang: true });
      hung = true;
    }
    // A hanging operator's right side ends with its line that ends the statement or the member.
    else if (!comment && /[;,]$/.test(content) && openers.at(-1)?.hang) openers.pop();
  }
  return openers.length === 0 && !inComment;
}

/**
 * A line over the print width that prettier leaves as it is, because it has
 * no place to break. An "atom" is a string, a name (with one plain type
 * argument) or an indexed access by strings. The line is: an atom (or
 * `name: atom`), alone inside a broken `(`, `[` or `<`; the `): Type {` or
 * `): Type;` closing a broken parameter list; an empty class extending a
 * name; a method's name opening its broken parameter list; a property with a key shorter than 5 characters (prettier does not
 * break after those) and a string value; `type X =`, `const x =` or `key:`
 * (the left side of a broken assignment); or, right after such a line or one
 * ending with `:`, one atom ending the statement or member.
 */
function isUnbreakable(content: string, afterHang: boolean, opener: string | undefined): boolean {
  const atom = String.raw`(?:"[^"\\]*"|[\w$]+(?:<[\w$]+>)?|[\w$]+(?:\["[^"\\]*"\])+)`;
  // A parameter, tuple element, type or call argument on its own line, inside a broken `(`, `[` or `<`.
  if (opener !== undefined && "([<".includes(opener) && new RegExp(`^(?:[\\w$]+\\??: )?${atom},?$`).test(content)) return true;
  // A method signature's name, opening its broken parameter list.
  if (/^[\w$]+\($/.test(content)) return true;
  // The closing line of a broken parameter list, with a return type that cannot break.
  if (/^\): (?:[\w$]+ is )?[\w$]+(?:<[\w$]+>)?(?:;| \{)$/.test(content)) return true;
  if (/^(?:export )?class [\w$]+ extends [\w$]+(?:<[\w$]+>)? \{\}$/.test(content)) return true;
  if (/^[\w$]{1,4}: "[^"\\]*",$/.test(content)) return true;
  if (/^(?:(?:export )?(?:type|const) [\w$]+ =|[\w$]+:)$/.test(content)) return true;
  return afterHang && new RegExp(`^${atom}[;,]$`).test(content);
}

/** A line holding one comment and nothing else (a line comment, or a block comment closed on it). */
function isWholeComment(line: string): boolean {
  const content = line.trimStart();
  return content.startsWith("//") || (content.startsWith("/*") && content.indexOf("*/") === content.length - 2);
}

/**
 * The file made of these top-level statements (printFile's pieces, each
 * starting with the whitespace before it), as prettier formats it.
 */
export async function formatStatements(pieces: readonly string[]): Promise<string> {
  const statements: string[] = [];
  /** Whether a blank line precedes statement i (prettier keeps one where the source has at least one). */
  const blankBefore: boolean[] = [];
  let whitespace = "";
  for (const piece of pieces) {
    const text = piece.trim();
    if (text === "") {
      whitespace += piece;
      continue;
    }
    const leading = whitespace + piece.slice(0, piece.length - piece.trimStart().length);
    blankBefore.push(statements.length > 0 && leading.split("\n").length > 2);
    statements.push(text);
    whitespace = piece.slice(piece.trimEnd().length);
  }

  const formatted = [...statements];
  const jobs: { index: number; plan: ReducedStatement | undefined; input: string }[] = [];
  statements.forEach((text, index) => {
    const lines = text.split("\n");
    if (isPrettierShaped(lines)) return;
    const plan = reduceStatement(lines);
    jobs.push({ index, plan, input: plan ? plan.text : text });
  });
  const outputs = await formatAll(jobs.map((job) => job.input));
  const fallbacks: number[] = [];
  jobs.forEach((job, i) => {
    const result = job.plan ? splice(job.plan, outputs[i]!) : outputs[i];
    if (result === undefined) fallbacks.push(job.index);
    else formatted[job.index] = result;
  });
  const whole = await formatAll(fallbacks.map((index) => statements[index]!));
  fallbacks.forEach((index, i) => (formatted[index] = whole[i]!));
  return `${formatted.map((text, i) => (i === 0 ? "" : blankBefore[i] ? "\n\n" : "\n") + text).join("")}\n`;
}

/** A statement cut down to the members prettier may change, and where they go back. */
interface ReducedStatement {
  readonly lines: readonly string[];
  /** The reduced statement: its frame lines, and each kept member between MEMBER_START and MEMBER_END. */
  readonly text: string;
  /** Line ranges [start, end) of the kept members in `lines`, in order. */
  readonly members: readonly (readonly [number, number])[];
  /** The reduced statement's lines other than members and markers: prettier must give them back unchanged. */
  readonly frame: readonly string[];
}

/**
 * A statement printed as `header {` … `}` with its closing line at column 0,
 * reduced to the members that are not prettier-shaped (descending into
 * members that are blocks themselves), or undefined when it has not that form.
 */
function reduceStatement(lines: readonly string[]): ReducedStatement | undefined {
  const out: string[] = [];
  const frame: string[] = [];
  const members: [number, number][] = [];
  const bounds = blockBounds(lines, 0, lines.length, 0);
  if (!bounds) return undefined;
  out.push(...lines.slice(0, bounds[0]));
  frame.push(...lines.slice(0, bounds[0]));
  if (!reduceBlock(lines, bounds[0], bounds[1], 0, { out, frame, members })) return undefined;
  return { lines, text: out.join("\n"), members, frame };
}

/**
 * Adds block [open, close]'s header line, its members that need prettier
 * (whole, or reduced in turn when a member is a block), and its closing line;
 * adds nothing and returns false if no member needs prettier or the members
 * cannot be told apart.
 */
function reduceBlock(
  lines: readonly string[],
  open: number,
  close: number,
  indent: number,
  into: { out: string[]; frame: string[]; members: [number, number][] },
): boolean {
  const { out, frame, members } = into;
  const marks = [out.length, frame.length, members.length] as const;
  const undo = () => {
    out.length = marks[0];
    frame.length = marks[1];
    members.length = marks[2];
    return false;
  };
  const framed = (...text: string[]) => {
    out.push(...text);
    frame.push(...text);
  };
  framed(lines[open]!);
  let any = false;
  for (let start = open + 1; start < close; ) {
    const end = memberEnd(lines, start, close, indent + 2);
    if (end === undefined) return undo();
    if (!isPrettierShaped(lines.slice(start, end), indent + 2)) {
      any = true;
      const nested = blockBounds(lines, start, end, indent + 2);
      const mark = [out.length, frame.length] as const;
      if (nested) framed(...lines.slice(start, nested[0]));
      if (!(nested && reduceBlock(lines, nested[0], nested[1], indent + 2, into))) {
        out.length = mark[0];
        frame.length = mark[1];
        const pad = " ".repeat(indent + 2);
        out.push(`${pad}${MEMBER_START}`, ...lines.slice(start, end), `${pad}${MEMBER_END}`);
        members.push([start, end]);
      }
    }
    start = end;
  }
  if (!any) return undo();
  framed(lines[close]!);
  return true;
}

/**
 * The member [start, end) at column `indent` as a block: [its header line
 * (after its comment lines), ending with `{`; its last line, starting with
 * `}` at that column]. Undefined when it is not one.
 */
function blockBounds(lines: readonly string[], start: number, end: number, indent: number): [number, number] | undefined {
  let header = start;
  while (header < end && isCommentLine(lines[header]!)) header++;
  const last = end - 1;
  if (header >= last || !lines[header]!.endsWith("{")) return undefined;
  if (columnOf(lines[last]!) !== indent || !lines[last]!.trimStart().startsWith("}")) return undefined;
  return [header, last];
}

/**
 * The end (exclusive) of the member starting at line `start`, at column
 * `indent`: its comment lines, its first line, every deeper line after it,
 * and a closing line back at its column (`};` of `ns: {`). Undefined when
 * the lines do not have that shape.
 */
function memberEnd(lines: readonly string[], start: number, limit: number, indent: number): number | undefined {
  let line = start;
  while (line < limit && isCommentLine(lines[line]!)) line++;
  if (line >= limit || columnOf(lines[line]!) !== indent) return undefined;
  line++;
  while (line < limit && columnOf(lines[line]!) > indent) line++;
  if (line < limit && columnOf(lines[line]!) === indent && /^[}\])]/.test(lines[line]!.trimStart())) line++;
  return line;
}

function isCommentLine(line: string): boolean {
  const content = line.trimStart();
  return content.startsWith("//") || content.startsWith("/*") || content.startsWith("*");
}

function columnOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The statement with each kept member replaced by prettier's version of it, or undefined if the frame did not come back unchanged. */
function splice(plan: ReducedStatement, output: string): string | undefined {
  const members: string[][] = [];
  const frame: string[] = [];
  let current: string[] | undefined;
  for (const line of output.split("\n")) {
    const content = line.trim();
    if (content === MEMBER_START) {
      if (current) return undefined;
      current = [];
    } else if (content === MEMBER_END) {
      if (!current) return undefined;
      members.push(current);
      current = undefined;
    } else if (current) current.push(line);
    else frame.push(line);
  }
  if (current || members.length !== plan.members.length || frame.length !== plan.frame.length) return undefined;
  if (frame.some((line, i) => line !== plan.frame[i])) return undefined;
  const result: string[] = [];
  let next = 0;
  plan.members.forEach(([start, end], i) => {
    result.push(...plan.lines.slice(next, start), ...members[i]!);
    next = end;
  });
  result.push(...plan.lines.slice(next));
  return result.join("\n");
}

/** prettier over each text (top-level statements), in as few calls as BATCH_CHARS allows. */
async function formatAll(texts: readonly string[]): Promise<string[]> {
  const results: string[] = new Array(texts.length);
  let batch: number[] = [];
  let size = 0;
  const flush = async () => {
    const outputs = await formatBatch(batch.map((index) => texts[index]!));
    batch.forEach((index, i) => (results[index] = outputs[i]!));
    batch = [];
    size = 0;
  };
  for (let index = 0; index < texts.length; index++) {
    if (batch.length > 0 && size + texts[index]!.length > BATCH_CHARS) await flush();
    batch.push(index);
    size += texts[index]!.length;
  }
  if (batch.length > 0) await flush();
  return results;
}

/** Several statements in one prettier call, cut apart again; one call each if the cut does not come out right. */
async function formatBatch(statements: readonly string[]): Promise<string[]> {
  if (statements.length > 1 && !statements.some((text) => text.includes(BOUNDARY))) {
    const output = await runPrettier(statements.join(`\n${BOUNDARY}\n`));
    const parts = output.split(`\n${BOUNDARY}\n`).map((part) => part.trim());
    if (parts.length === statements.length) return parts;
  }
  return Promise.all(statements.map(async (text) => (await runPrettier(text)).trim()));
}
