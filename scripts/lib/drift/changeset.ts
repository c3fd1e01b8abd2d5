/**
 * The changeset a drift run leaves for `changeset version`: the package and
 * its release type in changesets' front matter (the drift's bump, read the 0.x
 * way while the package is below 1.0.0: see releaseTypeFor), then a summary for the changelog
 * (the counts, and one line per breaking change and warning). One stable file
 * name, so a later run replaces it instead of piling up versions.
 */
import { releaseTypeFor } from "./bump";
import { countByLevel, type DriftReport } from "./change";

/** Under .changeset/; changesets reads every *.md there except README.md. */
export const CHANGESET_FILE = "artu-api-drift.md";

/** The Markdown report of the last regeneration, kept next to the snapshot it describes (relative to the repository root). */
export const DRIFT_REPORT_FILE = "openapi/DRIFT.md";

const MAX_LISTED = 40;

export interface PackageVersion {
  readonly name: string;
  readonly version: string;
}

export function renderChangeset(pkg: PackageVersion, report: DriftReport): string {
  if (report.bump === "none") throw new Error("no changeset for a drift report without changes");
  const release = releaseTypeFor(report.bump, pkg.version);
  const counts = countByLevel(report.changes);
  const notable = report.changes.filter((change) => change.level !== "info");
  const listed = notable.slice(0, MAX_LISTED).map((change) => `- ${change.level === "breaking" ? "**Breaking**" : "Warning"} \`${change.operationId}\`: ${change.message}`);
  if (notable.length > MAX_LISTED) listed.push(`- … and ${notable.length - MAX_LISTED} more (see ${DRIFT_REPORT_FILE})`);
  const lines = [
    "---",
    `${JSON.stringify(pkg.name)}: ${release}`,
    "---",
    "",
    `Regenerated from a new ARTU API snapshot: ${counts.breaking} breaking, ${counts.warning} warning(s), ${counts.info} info change(s)` +
      (release === report.bump ? "." : ` (a \`${report.bump}\` drift, released as \`${release}\` while the package is 0.x).`),
  ];
  if (listed.length > 0) lines.push("", ...listed);
  return `${lines.join("\n")}\n`;
}
