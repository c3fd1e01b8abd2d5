/**
 * The 0.x rule: while the package is below 1.0.0, a breaking drift bumps the
 * minor version and anything else the patch version; from 1.0.0 on the
 * drift's bump is the release type. Checked through `changeset version`, the
 * tool that applies it.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import parseChangeset from "@changesets/parse";
import { describe, expect, it } from "vitest";
import { releaseTypeFor } from "../../scripts/lib/drift/bump";
import type { Change } from "../../scripts/lib/drift/change";
import { renderChangeset } from "../../scripts/lib/drift/changeset";
import { REPO } from "./helpers/run-script";

const removed: Change = {
  id: "response-property-removed",
  level: "breaking",
  axis: "both",
  operationId: "clients.sync",
  method: "post",
  path: "/clients/sync",
  pointer: "",
  message: "property `documents` removed from the 200 response",
};

describe("releaseTypeFor", () => {
  it.each([
    ["major", "0.1.0", "minor"],
    ["minor", "0.1.0", "patch"],
    ["patch", "0.9.3", "patch"],
    ["major", "1.0.0", "major"],
    ["minor", "2.3.4", "minor"],
    ["patch", "1.0.0-beta.1", "patch"],
  ] as const)("a %s drift at %s is a %s release", (bump, version, release) => {
    expect(releaseTypeFor(bump, version)).toBe(release);
  });

  it("refuses a version that is not semver", () => {
    expect(() => releaseTypeFor("major", "latest")).toThrow(/not a semver version: "latest"/);
  });
});

describe("a breaking drift on a 0.x package", () => {
  it("writes a minor changeset that says why, and `changeset version` makes 0.1.0 into 0.2.0", () => {
    const text = renderChangeset({ name: "artu-compliance-client", version: "0.1.0" }, { bump: "major", changes: [removed] });
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual([{ name: "artu-compliance-client", type: "minor" }]);
    expect(parsed.summary.split("\n")[0]).toBe(
      "Regenerated from a new ARTU API snapshot: 1 breaking, 0 warning(s), 0 info change(s) (a `major` drift, released as `minor` while the package is 0.x).",
    );

    const root = mkdtempSync(join(tmpdir(), "release-type-"));
    try {
      writeFileSync(join(root, "package.json"), `${JSON.stringify({ name: "artu-compliance-client", version: "0.1.0", private: true })}\n`);
      mkdirSync(join(root, ".changeset"));
      copyFileSync(join(REPO, ".changeset/config.json"), join(root, ".changeset/config.json"));
      writeFileSync(join(root, ".changeset/artu-api-drift.md"), text);
      execFileSync(join(REPO, "node_modules/.bin/changeset"), ["version"], { cwd: root, stdio: "pipe" });
      expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version).toBe("0.2.0");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
