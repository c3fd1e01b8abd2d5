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
