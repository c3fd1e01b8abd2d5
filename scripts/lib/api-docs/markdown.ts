/** Markdown building blocks for the API reference. */

/**
 * Text from the spec or from doc comments, safe inside a Markdown paragraph or
 * table cell. Backtick spans stay code (doc comments use them); elsewhere
 * Markdown's special characters are escaped. Pipes are escaped everywhere (tables).
 */
export function text(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part.replaceAll("|", "\\|") : part.replace(/([\\*_[\]<>|])/g, "\\$1")))
    .join("");
}

export function code(value: string): string {
  const fence = value.includes("`") ? "``" : "`";
  return `${fence}${value.includes("`") ? ` ${value} ` : value}${fence}`;
}

/** Inline code inside a table cell: GitHub splits cells on every unescaped pipe, even in code. */
export function codeCell(value: string): string {
  return code(value).replaceAll("|", "\\|");
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function tsBlock(lines: readonly string[]): string {
  return ["```ts", ...lines, "```"].join("\n");
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export function link(label: string, heading: string): string {
  return `[${label}](#${anchor(heading)})`;
}
