/** The small pure pieces: bump derivation, --fail-on, git: locations, the changeset text. */
import parseChangeset from "@changesets/parse";
import { describe, expect, it } from "vitest";
import { bumpOf, highestBump } from "../../scripts/lib/drift/bump";
import type { Change } from "../../scripts/lib/drift/change";
import { renderChangeset } from "../../scripts/lib/drift/changeset";
import { exitCodeFor, parseFailOn } from "../../scripts/lib/drift/fail-on";
import { parseGitLocation } from "../../scripts/lib/drift/read-spec";
import { ruleFor } from "../../scripts/lib/drift/rules";

function change(id: string, operationId = "clients.sync"): Change {
  const { level, axis } = ruleFor(id);
  return { id, level, axis, operationId, method: "post", path: "/clients/sync", pointer: "/paths/~1clients~1sync/post", message: `${id} happened` };
}

describe("bump", () => {
  it.each([
    ["response-property-removed", "major"], // breaking, both axes
    ["operation-id-renamed", "major"], // breaking, sdk only
    ["operation-path-renamed", "minor"], // breaking on the wire only: upgrading fixes users
    ["request-max-items-decreased", "minor"],
    ["response-enum-value-added", "minor"], // warning
    ["request-property-added-optional", "minor"], // info that grows the surface
    ["description-changed", "patch"],
    ["summary-changed", "patch"],
    ["operation-changed-unclassified", "patch"],
  ])("%s → %s", (id, bump) => {
    expect(bumpOf(change(id))).toBe(bump);
  });

  it("takes the highest bump, none for no change", () => {
    expect(highestBump([])).toBe("none");
    expect(highestBump([change("summary-changed"), change("operation-path-renamed")])).toBe("minor");
    expect(highestBump([change("summary-changed"), change("operation-removed"), change("operation-added")])).toBe("major");
  });
});

describe("--fail-on", () => {
  const report = { bump: "minor" as const, changes: [change("response-enum-value-added"), change("operation-added")] };
  it("fails at or above the threshold only", () => {
    expect(exitCodeFor(report, parseFailOn("breaking"))).toBe(0);
    expect(exitCodeFor(report, parseFailOn("warning"))).toBe(1);
    expect(exitCodeFor({ bump: "major", changes: [change("operation-removed")] }, parseFailOn("none"))).toBe(0);
  });
  it("rejects other levels", () => {
    expect(() => parseFailOn("info")).toThrow(/expected breaking, warning or none/);
  });
});

describe("git: locations", () => {
  it("splits ref and path at the first colon", () => {
    expect(parseGitLocation("git:HEAD:openapi/artu.json")).toEqual({ ref: "HEAD", path: "openapi/artu.json" });
    expect(parseGitLocation("git:origin/main:openapi/artu.json")).toEqual({ ref: "origin/main", path: "openapi/artu.json" });
    expect(parseGitLocation("openapi/artu.json")).toBeUndefined();
  });
  it.each(["git:", "git:HEAD", "git::openapi/artu.json", "git:HEAD:"])("rejects %s", (location) => {
    expect(() => parseGitLocation(location)).toThrow(/expected "git:<ref>:<path>"/);
  });
});

const PACKAGE_1X = { name: "artu-compliance-client", version: "1.4.2" };

describe("changeset", () => {
  it("names the package and the bump, and lists breaking changes and warnings, not info", () => {
    const text = renderChangeset(PACKAGE_1X, {
      bump: "major",
      changes: [change("response-property-removed"), change("response-enum-value-added", "clients.retrieve"), change("operation-added", "clients.archive")],
    });
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual([{ name: "artu-compliance-client", type: "major" }]);
    expect(parsed.summary.split("\n")).toEqual([
      "Regenerated from a new ARTU API snapshot: 1 breaking, 1 warning(s), 1 info change(s).",
      "",
      "- **Breaking** `clients.sync`: response-property-removed happened",
      "- Warning `clients.retrieve`: response-enum-value-added happened",
    ]);
  });

  it("caps the list and refuses a report without changes", () => {
    const many = Array.from({ length: 45 }, (_, index) => change("operation-removed", `op${String(index).padStart(2, "0")}`));
    const parsed = parseChangeset(renderChangeset(PACKAGE_1X, { bump: "major", changes: many }));
    expect(parsed.summary).toContain("- … and 5 more (see openapi/DRIFT.md)");
    expect(() => renderChangeset(PACKAGE_1X, { bump: "none", changes: [] })).toThrow(/no changeset/);
  });
});
