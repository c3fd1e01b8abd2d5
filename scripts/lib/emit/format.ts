/**
 * The layout pass for every emitted TypeScript file except schema.ts (see
 * schema.ts for why): a small printer for the code our emitters write, in
 * prettier's style (120 columns, 2-space indentation, trailing commas).
 *
 * Why not prettier itself: it was the largest part of `npm run generate`
 * after openapi-typescript (measured on the ARTU snapshot: `import("prettier")`
 * ~0.18 s + formatting operations.ts ~0.25–0.3 s; on the GitHub spec ~1.2 s),
 * all on a machine with two cores already busy with the openapi-typescript
 * and Ajv workers, so running it in another worker did not shorten the run.
 * The emitters' text is already one statement per line; what ts-morph leaves
 * is overlong literal/import/signature lines, nested indentation that drifts
 * (members of a type literal written through a code writer), and runs of
 * blank lines. This pass fixes exactly those, and on the ARTU snapshot and
 * the GitHub spec its output is byte-identical to prettier's (test/generate).
 *
 * It reads the emitters' raw output only (it is not idempotent on its own
 * output: continuation lines after `=` or `<` are indented by bracket depth).
 * It understands: strings ("…", '…', `…` without substitutions), comments,
 * brackets. It re-indents each line by its bracket depth, then breaks a line
 * wider than PRINT_WIDTH at its first top-level bracket group that has commas
 * (or is an object), one element per line, recursively.
 */
export const PRINT_WIDTH = 120;
const INDENT = "  ";

export function formatTypeScript(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let inComment = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      // One blank line at most, none at the start of the file or of a block.
      const previous = out.at(-1);
      if (previous !== undefined && previous !== "" && !/[{[(]$/.test(previous)) out.push("");
      continue;
    }
    if (inComment) {
      out.push(`${INDENT.repeat(depth)}${line.startsWith("*") ? " " : ""}${line}`);
      inComment = !line.includes("*/");
      continue;
    }
    if (/^[}\])]/.test(line) && out.at(-1) === "") out.pop();
    if (line.startsWith("}") && out.at(-1)?.endsWith("{")) {
      // An empty class or block: `{}` on the line that opened it.
      depth = Math.max(0, depth - 1);
      out.push(`${out.pop()!}${line}`);
      continue;
    }
    const scan = scanLine(line);
    const indent = INDENT.repeat(Math.max(0, depth - scan.leadingClosers));
    depth = Math.max(0, depth + scan.delta);
    inComment = scan.opensComment;
    out.push(...breakLine(indent, line));
  }
  while (out.at(-1) === "") out.pop();
  return `${out.join("\n")}\n`;
}

interface LineScan {
  /** Net change in bracket depth ({, [, ( only) over the line. */
  readonly delta: number;
  /** Closing brackets before anything else on the line: they belong to the enclosing level. */
  readonly leadingClosers: number;
  /** The line ends inside a block comment. */
  readonly opensComment: boolean;
}

function scanLine(line: string): LineScan {
  let delta = 0;
  let leadingClosers = 0;
  let leading = true;
  let opensComment = false;
  forEachCodeChar(
    line,
    (char) => {
      if ("{[(".includes(char)) delta += 1;
      else if ("}])".includes(char)) {
        delta -= 1;
        if (leading) leadingClosers += 1;
      }
      if (!"}])".includes(char)) leading = false;
    },
    () => {
      opensComment = true;
    },
  );
  return { delta, leadingClosers, opensComment };
}

/**
 * Calls `onCode(char, index)` for every character outside strings and
 * comments (string delimiters are reported too, their content not), and
 * `onOpenComment` when the line ends inside a block comment.
 */
function forEachCodeChar(line: string, onCode: (char: string, index: number) => void, onOpenComment = () => {}): void {
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === "/" && line[i + 1] === "/") return;
    if (char === "/" && line[i + 1] === "*") {
      const end = line.indexOf("*/", i + 2);
      if (end === -1) return onOpenComment();
      i = end + 1;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      onCode(char, i);
      i = stringEnd(line, i);
      onCode(char, i);
      continue;
    }
    onCode(char, i);
  }
}

/** Index of the quote closing the string that starts at `start`. */
function stringEnd(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === "\\") i += 1;
    else if (line[i] === quote) return i;
  }
  return line.length - 1;
}

interface Group {
  readonly open: number;
  readonly close: number;
  /** Brackets around it on the same line (0: top level). */
  readonly depth: number;
  /** Indices of the separators directly inside the group: commas, or the semicolons of a type literal. */
  readonly commas: readonly number[];
}

const CLOSER: Record<string, string> = { "{": "}", "[": "]", "(": ")", "<": ">" };

/**
 * Every bracket group of a line, inner ones first. `<` counts as a bracket
 * only right after a name (type arguments), `>` only when it closes one (not `=>`).
 */
function bracketGroups(line: string): Group[] {
  const groups: Group[] = [];
  const stack: { char: string; open: number; commas: number[] }[] = [];
  forEachCodeChar(line, (char, index) => {
    const top = stack.at(-1);
    if ("{[(".includes(char) || (char === "<" && /[\w$]/.test(line[index - 1] ?? ""))) {
      stack.push({ char, open: index, commas: [] });
    } else if (top && char === CLOSER[top.char] && !(char === ">" && line[index - 1] === "=")) {
      stack.pop();
      groups.push({ open: top.open, close: index, depth: stack.length, commas: top.commas });
    } else if ((char === "," || (char === ";" && top?.char === "{")) && top) {
      top.commas.push(index);
    }
  });
  return groups;
}

/** An array literal, as opposed to an index access (`a["b"]`) or a tuple type after a name. */
function isArrayLiteral(line: string, group: Group): boolean {
  return line[group.open] === "[" && !/[\w$\])"]/.test(line[group.open - 1] ?? "");
}

/** The group's elements, trimmed, without the empty one a trailing comma leaves. */
function elementsOf(line: string, group: Group): string[] {
  const bounds = [group.open, ...group.commas, group.close];
  return bounds
    .slice(1)
    .map((end, index) => line.slice(bounds[index]! + 1, end).trim())
    .filter((element) => element !== "");
}

/**
 * Prettier always breaks an array of two or more objects (or arrays) that
 * each have two or more entries, and with it every group around it.
 */
function hasForcedBreak(line: string, groups: readonly Group[]): boolean {
  const byOpen = new Map(groups.map((group) => [group.open, group]));
  /** "{" or "[" when the element starting after `at` is exactly an object or array with two or more entries. */
  const entryKind = (at: number): string | undefined => {
    const start = at + 1 + (line.slice(at + 1).length - line.slice(at + 1).trimStart().length);
    const inner = byOpen.get(start);
    const whole = inner !== undefined && /^\s*[,\]]/.test(line.slice(inner.close + 1));
    return whole && inner.commas.length > 0 && "{[".includes(line[start]!) ? line[start] : undefined;
  };
  return groups.some((group) => {
    if (!isArrayLiteral(line, group) || group.commas.length === 0) return false;
    const kinds = [group.open, ...group.commas].map(entryKind);
    return kinds[0] !== undefined && kinds.every((kind) => kind === kinds[0]);
  });
}

/**
 * Prettier's choice for the code we emit: an object, array, parameter or
 * argument list before type arguments. Never an index access (`a["b"]`), nor
 * a single type argument.
 */
function groupToBreak(line: string, groups: readonly Group[]): Group | undefined {
  const breakable = groups.filter((group) => {
    if (group.depth > 0 || group.close === group.open + 1) return false;
    if (line[group.open] === "[") return isArrayLiteral(line, group);
    return line[group.open] !== "<" || group.commas.length > 0;
  });
  return breakable.find((group) => line[group.open] !== "<") ?? breakable[0];
}

/**
 * When the text before the chosen group is itself too wide (`name: f<LongType>(arg)`),
 * prettier breaks the type arguments in front of it instead.
 */
function narrowestHead(indent: string, line: string, groups: readonly Group[], group: Group | undefined): Group | undefined {
  if (!group || indent.length + group.open + 1 <= PRINT_WIDTH) return group;
  const typeArguments = groups.find(
    (candidate) => candidate.depth === 0 && line[candidate.open] === "<" && candidate.open < group.open && candidate.close > candidate.open + 1,
  );
  return typeArguments ?? group;
}

/** `type A = B<C>;` too wide and nothing to break inside: the right-hand side goes on the next line. */
const DECLARATION = /^((?:export )?(?:type|const|let) [\w$]+ =) (.*)$/;

function breakLine(indent: string, line: string): string[] {
  if (/^(\/\/|\/\*|\*)/.test(line)) return [`${indent}${line}`];
  const groups = bracketGroups(line);
  if (indent.length + line.length <= PRINT_WIDTH && !hasForcedBreak(line, groups)) return [`${indent}${line}`];
  const inner = `${indent}${INDENT}`;
  const group = narrowestHead(indent, line, groups, groupToBreak(line, groups));
  if (!group) {
    const declaration = DECLARATION.exec(line);
    return declaration ? [`${indent}${declaration[1]}`, ...breakLine(inner, declaration[2]!)] : [`${indent}${line}`];
  }
  const elements = elementsOf(line, group);
  // Members of a type literal end with `;`; type arguments take no trailing comma; everything else does.
  const separator = group.commas.length > 0 && line[group.commas[0]!] === ";" ? ";" : ",";
  const last = separator === ";" ? ";" : line[group.open] === "<" ? "" : ",";
  return [
    `${indent}${line.slice(0, group.open + 1)}`,
    ...elements.flatMap((element, index) => breakLine(inner, `${element}${index < elements.length - 1 ? separator : last}`)),
    `${indent}${line.slice(group.close)}`,
  ];
}
