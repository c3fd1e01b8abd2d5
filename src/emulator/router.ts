/**
 * Matches a request method + path against the spec's path templates. Routes
 * with more literal segments win, so `/clients/list` beats `/clients/{id}`.
 */
import type { SpecOperation } from "./spec-operations";

export interface RouteMatch<T> {
  readonly route: T;
  readonly pathParams: Record<string, string>;
}

interface CompiledRoute<T> {
  readonly route: T;
  readonly segments: readonly string[];
  readonly literals: number;
}

export type RouteResult<T> =
  | { readonly kind: "matched"; readonly match: RouteMatch<T> }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "not-found" };

export interface Router<T> {
  find(method: string, pathname: string): RouteResult<T>;
}

const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}");

export function createRouter<T extends Pick<SpecOperation, "method" | "path">>(routes: readonly T[]): Router<T> {
  const compiled: CompiledRoute<T>[] = routes
    .map((route) => {
      const segments = route.path.split("/").filter(Boolean);
      return { route, segments, literals: segments.filter((s) => !isParam(s)).length };
    })
    .sort((a, b) => b.literals - a.literals);

  return {
    find(method, pathname) {
      const parts = pathname.split("/").filter(Boolean);
      const allowed: string[] = [];
      for (const candidate of compiled) {
        const params = matchSegments(candidate.segments, parts);
        if (!params) continue;
        if (candidate.route.method === method.toLowerCase()) return { kind: "matched", match: { route: candidate.route, pathParams: params } };
        allowed.push(candidate.route.method.toUpperCase());
      }
      return allowed.length ? { kind: "method-not-allowed", allowed: [...new Set(allowed)].sort() } : { kind: "not-found" };
    },
  };
}

function matchSegments(template: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: [string, string][] = [];
  for (const [index, segment] of template.entries()) {
    const part = parts[index]!;
    if (isParam(segment)) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params.push([segment.slice(1, -1), decoded]);
    } else if (segment !== part) return undefined;
  }
  // fromEntries defines own properties: a spec's `{__proto__}` parameter cannot reach a prototype.
  return Object.fromEntries(params);
}
