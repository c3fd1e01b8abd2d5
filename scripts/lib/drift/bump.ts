/**
 * The semver bump follows what upgrading does to users' code: `major` when
 * code written against the previous package may stop compiling or working
 * (a breaking change on the SDK axis), `minor` when the surface grows or
 * behaviour changes (a wire-only break included: upgrading is what fixes
 * users), `patch` when only documentation changed, `none` when nothing did.
 */
import type { Bump, Change } from "./change";
import { BUMPS } from "./change";
import { ruleFor } from "./rules";

export function bumpOf(change: Change): Bump {
  if (change.level === "breaking" && change.axis !== "wire") return "major";
  return ruleFor(change.id).docsOnly ? "patch" : "minor";
}

export function highestBump(changes: readonly Change[]): Bump {
  return changes.map(bumpOf).reduce<Bump>((highest, bump) => (BUMPS.indexOf(bump) < BUMPS.indexOf(highest) ? bump : highest), "none");
}

/**
 * The version bump a drift's bump becomes for a package at `version`: while
 * the package is 0.x, a breaking change bumps the minor version
 * (0.1.0 → 0.2.0) and anything else the patch version, as npm's caret ranges
 * read pre-1.0 versions; 1.0.0 is a deliberate release, never a side effect of
 * ARTU's first breaking change.
 */
export function releaseTypeFor(bump: Exclude<Bump, "none">, version: string): Exclude<Bump, "none"> {
  const major = /^(\d+)\./.exec(version)?.[1];
  if (major === undefined) throw new RangeError(`not a semver version: ${JSON.stringify(version)}`);
  if (Number(major) > 0) return bump;
  return bump === "major" ? "minor" : "patch";
}
