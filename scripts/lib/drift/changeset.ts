/**
 * The changeset a drift run leaves for `changeset version`: the package and
 * the bump in changesets' front matter, then a summary for the changelog
 * (the counts, and one line per breaking change and warning). One stable file
 * name, so a later run replaces it instead of piling up versions.
 */
import { countByLevel, type Bump, type DriftReport } from "./change";

/** Under .changeset/; changesets reads every *.md there except README.md. */
export const CHANGESET_FILE = "artu-api-drift.md";

/** The Markdown report of the last regeneration, kept next to the snapshot it describes (relative to the repository root). */
export const DRIFT_REPORT_FILE = "openapi/DRIFT.md";

const MAX_LISTED = 40;

export function renderChangeset(packageName: string, report: DriftReport): string {
  if (report.bump === "none") throw new Error("no changeset for a drift report without changes");
  const counts = countByLevel(report.changes);
  const notable = report.changes.filter((change) => change.level !== "info");
  const listed = notable.slice(0, MAX_LISTED).map((change) => `- ${change.level === "breaking" ? "**Breaking**" : "Warning"} \`${change.operationId}\`: ${change.message}`);
  if (notable.length > MAX_LISTED) listed.push(`- … and ${notable.length - MAX_LISTED} more (see ${DRIFT_REPORT_FILE})`);
  const lines = [
    "---",
    `${JSON.stringify(packageName)}: ${report.bump satisfies Exclude<Bump, "none">}`,
    "---",
    "",
    `Regenerated from a new ARTU API snapshot: ${counts.breaking} breaking, ${counts.warning} warning(s), ${counts.info} info change(s).`,
  ];
  if (listed.length > 0) lines.push("", ...listed);
  return `${lines.join("\n")}\n`;
}
