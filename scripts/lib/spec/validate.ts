/**
 * Validation of one OpenAPI 3.x document with a real validator:
 * `@redocly/openapi-core` lint with its "spec" ruleset only (structural
 * schema of OpenAPI 3.0/3.1 plus the spec-mandated rules: unresolved refs,
 * path parameters, unique operationIds…), errors only, no style rules.
 * The shared checks (`assertSpecIntegrity`: references local, resolvable,
 * ending in an object of the right kind; path templates matching path
 * parameters) run first, so the linter works on a self-contained, cycle-free
 * document, never resolves anything remote, and never overflows its stack.
 */
import { BaseResolver, createConfig, lintDocument, makeDocumentFromString, type Config } from "@redocly/openapi-core";
import { assertSpecIntegrity } from "./integrity";
import { SpecError, formatLocated } from "./errors";
import type { OpenApiDocument } from "./load";

export interface LintProblem {
  readonly pointer: string;
  readonly rule: string;
  readonly message: string;
}

let specConfig: Promise<Config> | undefined;
function loadSpecConfig(): Promise<Config> {
  specConfig ??= createConfig({ extends: ["spec"] });
  return specConfig;
}

/** Error-severity problems the "spec" ruleset finds in `document`, in report order. */
export async function lintOpenApi(document: unknown): Promise<LintProblem[]> {
  const config = await loadSpecConfig();
  const parsed = makeDocumentFromString(JSON.stringify(document), "mem://snapshot/document.json");
  const problems = await lintDocument({ document: parsed, config, externalRefResolver: new BaseResolver() });
  return problems
    .filter((problem) => problem.severity === "error")
    .map((problem) => ({
      pointer: (problem.location[0]?.pointer ?? "#").replace(/^#/, ""),
      rule: problem.ruleId,
      message: problem.message,
    }));
}

const MAX_LISTED = 20;

/**
 * Throws a `SpecError` located at the first problem (the shared integrity
 * checks first, then lint errors); the message lists the others, one per line.
 */
export async function assertValidOpenApi(document: unknown, source: string): Promise<void> {
  assertSpecIntegrity(document as OpenApiDocument, source);
  const problems = await lintOpenApi(document);
  if (problems.length === 0) return;
  const [first, ...rest] = problems as [LintProblem, ...LintProblem[]];
  let problem = `invalid OpenAPI document: ${first.message} [${first.rule}]`;
  if (rest.length > 0) {
    const listed = rest
      .slice(0, MAX_LISTED)
      .map((other) => `\n  ${formatLocated({ source, pointer: other.pointer }, `${other.message} [${other.rule}]`)}`);
    const unlisted = rest.length > MAX_LISTED ? `\n  … and ${rest.length - MAX_LISTED} more` : "";
    problem += `\n  ${rest.length} more error(s):${listed.join("")}${unlisted}`;
  }
  throw new SpecError({ source, pointer: first.pointer }, problem);
}
