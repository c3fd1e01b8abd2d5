/**
 * The report a person reads in a pull request: a headline with the bump and
 * the counts per level, then the changes by level (breaking first), grouped by
 * operation, each with what changed, before → after, and what a user of the
 * package must do. Info-level changes are folded in a <details> block.
 */
import type { Axis, Bump, Change, DriftReport, Level } from "./change";
import { countByLevel, LEVELS } from "./change";
import { ruleFor } from "./rules";

const BUMP_MEANING: Record<Bump, string> = {
  major: "code written against the previous version of the package may stop compiling or working",
  minor: "the API grew or changed behaviour compatibly; upgrading needs no code change (wire-only breaks are fixed by upgrading)",
  patch: "only documentation changed",
  none: "the specs are equal after normalization",
};

const LEVEL_HEADINGS: Record<Level, string> = {
  breaking: "Breaking changes",
  warning: "Warnings",
  info: "Other changes",
};

const AXIS_LABELS: Record<Axis, string> = { wire: "wire", sdk: "SDK", both: "SDK + wire" };

const MAX_VALUE_LENGTH = 160;

export function renderMarkdown(report: DriftReport, title = "API drift"): string {
  const counts = countByLevel(report.changes);
  const operations = new Set(report.changes.map((change) => change.operationId)).size;
  const lines = [
    `## ${title}: \`${report.bump}\` bump`,
    "",
    `**${counts.breaking} breaking** · **${counts.warning} warning(s)** · ${counts.info} info — in ${operations} operation(s).`,
    "",
    `> \`${report.bump}\`: ${BUMP_MEANING[report.bump]}.`,
  ];
  for (const level of LEVELS) {
    const changes = report.changes.filter((change) => change.level === level);
    if (changes.length === 0) continue;
    const section = renderLevel(changes);
    lines.push("", `### ${LEVEL_HEADINGS[level]} (${changes.length})`, "");
    if (level === "info") lines.push("<details><summary>Show them</summary>", "", ...section, "</details>");
    else lines.push(...section);
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function renderLevel(changes: readonly Change[]): string[] {
  const byOperation = new Map<string, Change[]>();
  for (const change of changes) {
    const group = byOperation.get(change.operationId) ?? [];
    group.push(change);
    byOperation.set(change.operationId, group);
  }
  const lines: string[] = [];
  for (const [operationId, group] of byOperation) {
    const { method, path } = group[0]!;
    lines.push(`#### \`${operationId}\`${method ? ` · \`${method.toUpperCase()} ${path}\`` : ""}`, "");
    for (const change of group) lines.push(...renderChange(change), "");
  }
  return lines;
}

function renderChange(change: Change): string[] {
  const rule = ruleFor(change.id);
  const lines = [
    `- **${rule.title}**: ${change.message}  `,
    `  \`${change.id}\` · ${AXIS_LABELS[change.axis]} · \`${change.pointer || "/"}\`  `,
  ];
  if ("before" in change || "after" in change) {
    lines.push(`  before: ${code(change.before)} → after: ${code(change.after)}  `);
  }
  if (change.action) lines.push(`  **What to do:** ${change.action}`);
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/ {2}$/, "");
  return lines;
}

/** A value as inline code, compact JSON, shortened when long. */
export function code(value: unknown): string {
  if (value === undefined) return "_(none)_";
  let text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value);
  if (text.length > MAX_VALUE_LENGTH) text = `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`;
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? " " : ""}${text}${fence === "``" ? " " : ""}${fence}`;
}
