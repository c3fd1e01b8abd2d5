/**
 * Authentication of one operation: its effective requirements (its own
 * `security`, else the document's) and the definitions of the schemes they
 * name. Credentials are configured once on the client, so this is wire-only.
 */
import { sameJson } from "../spec/normalize";
import { pointer } from "../spec/pointer";
import type { PairContext } from "./operation-pair";
import type { OperationEntry } from "../spec/operations";
import type { Side } from "./diff-schema";

type Requirement = Record<string, string[]>;

function effectiveSecurity(side: Side, entry: OperationEntry): { requirements: string[]; pointer: string } {
  const own = entry.operation.security;
  const document = side.document as { security?: unknown };
  const list = (Array.isArray(own) ? own : Array.isArray(document.security) ? document.security : []) as Requirement[];
  const at = Array.isArray(own) ? `${entry.pointer}/security` : "/security";
  // Each alternative as a canonical string; an empty alternative `{}` means "anonymous allowed".
  const requirements = list
    .map((requirement) =>
      Object.keys(requirement)
        .sort()
        .map((name) => `${name}${(requirement[name] ?? []).length ? `(${[...requirement[name]!].sort().join(",")})` : ""}`)
        .join(" + "),
    )
    .sort();
  return { requirements, pointer: at };
}

function schemeNames(requirements: string[]): string[] {
  return [...new Set(requirements.flatMap((alternative) => alternative.split(" + ").filter(Boolean).map((name) => name.replace(/\(.*$/, ""))))].sort();
}

export function diffSecurity(ctx: PairContext): void {
  const old = effectiveSecurity(ctx.base, ctx.pair.base);
  const now = effectiveSecurity(ctx.head, ctx.pair.head);
  const report = (id: string, at: string, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    ctx.collector.report(ctx.scope, id, { pointer: at, message, ...values });
  const anonymous = (requirements: string[]) => requirements.length === 0 || requirements.includes("");
  if (!sameJson(old.requirements, now.requirements)) {
    const values = { before: old.requirements, after: now.requirements };
    if (anonymous(old.requirements) && !anonymous(now.requirements)) {
      report("security-added", now.pointer, `authentication now required: ${now.requirements.join(" or ")}`, values);
    } else if (!anonymous(old.requirements) && anonymous(now.requirements)) {
      report("security-removed", now.pointer, "authentication no longer required", values);
    } else if (satisfiedBy(old.requirements, now.requirements)) {
      report("security-loosened", now.pointer, `authentication needs less: ${show(old.requirements)} → ${show(now.requirements)}`, values);
    } else {
      report("security-changed", now.pointer, `authentication: ${show(old.requirements)} → ${show(now.requirements)}`, values);
    }
  }
  const schemes = (side: Side) => ((side.document as { components?: { securitySchemes?: Record<string, unknown> } }).components?.securitySchemes ?? {});
  for (const name of schemeNames(now.requirements)) {
    const before = schemes(ctx.base)[name];
    const after = schemes(ctx.head)[name];
    if (before === undefined || after === undefined) continue;
    const { description: _oldDescription, ...oldDefinition } = before as Record<string, unknown>;
    const { description: _newDescription, ...newDefinition } = after as Record<string, unknown>;
    if (!sameJson(oldDefinition, newDefinition)) {
      report("security-scheme-changed", pointer(["components", "securitySchemes", name]), `security scheme \`${name}\` changed`, {
        before: oldDefinition,
        after: newDefinition,
      });
    }
  }
}

/** An alternative as scheme → scopes (`bearerAuth(read,write) + apiKey`). */
function parseAlternative(alternative: string): Map<string, Set<string>> {
  const schemes = new Map<string, Set<string>>();
  for (const part of alternative.split(" + ").filter(Boolean)) {
    const match = /^([^(]*)(?:\((.*)\))?$/.exec(part)!;
    schemes.set(match[1]!, new Set(match[2] ? match[2].split(",") : []));
  }
  return schemes;
}

/** `looser` needs no more than `stricter`: every scheme and scope it asks for, `stricter` already asked for. */
function implies(stricter: Map<string, Set<string>>, looser: Map<string, Set<string>>): boolean {
  return [...looser].every(([scheme, scopes]) => stricter.has(scheme) && [...scopes].every((scope) => stricter.get(scheme)!.has(scope)));
}

/**
 * Every credential set that satisfied the old requirements satisfies the new
 * ones (fewer scopes, fewer schemes, more alternatives): nobody is locked out.
 */
function satisfiedBy(old: string[], now: string[]): boolean {
  const alternatives = now.map(parseAlternative);
  return old.map(parseAlternative).every((before) => alternatives.some((after) => implies(before, after)));
}

function show(requirements: string[]): string {
  return requirements.length === 0 ? "(none)" : requirements.map((alternative) => alternative || "(anonymous)").join(" or ");
}
