/**
 * The CI workflows are code too: these checks tie them to the commands and
 * files they rely on (npm scripts, the changeset file, the drift interface),
 * so renaming one side breaks a test instead of a scheduled run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { API_DOCS_FILE } from "../../scripts/lib/api-docs/build";
import { CHANGESET_FILE } from "../../scripts/lib/drift/changeset";
import { REPO } from "./helpers/run-script";

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = (name: string) => parse(readFileSync(join(REPO, ".github/workflows", name), "utf8")) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);
const scripts = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("regenerate.yml", () => {
  const flow = workflow("regenerate.yml");
  const all = steps(flow);
  const runs = all.map((step) => step.run ?? "").join("\n");

  it("runs on a schedule and by hand", () => {
    expect(Object.keys(flow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
  });

  it("only calls npm scripts that exist", () => {
    const called = [...runs.matchAll(/npm run (?:-s |--silent )?([\w:-]+)/g)].map((match) => match[1]!);
    expect(called.length).toBeGreaterThan(3);
    for (const script of called) expect(scripts, script).toHaveProperty(script);
  });

  it("checks first and gates every later step on a change", () => {
    const check = all.find((step) => step.id === "check")!;
    expect(check.run).toContain("npm run pull -- --check");
    const later = all.slice(all.indexOf(check) + 1);
    expect(later.length).toBeGreaterThan(3);
    for (const step of later) expect(step.if, step.name).toMatch(/steps\.(check|pr)\.outputs/);
  });

  it("runs every command whose output a program reads with `npm run -s` (no npm banner before it)", () => {
    const piped = runs.split("\n").filter((line) => /^\s*npm run /.test(line) && />|\$\(|\|/.test(line));
    expect(piped.length).toBeGreaterThanOrEqual(2);
    for (const line of piped) expect(line.trim(), line).toMatch(/^npm run -s /);
  });

  it("does not rebuild docs/api.md separately: regenerate refreshes everything generated together", () => {
    expect(runs).not.toMatch(/npm run docs/);
  });

  it("regenerates, tests, then reports the drift against the committed snapshot in both formats", () => {
    const order = ["npm run regenerate", "npm test", "--format markdown", "--format json"].map((text) => runs.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs).toContain("--base git:HEAD:openapi/artu.json --head openapi/artu.json");
  });

  it("opens or updates one pull request with the snapshot, the code, the changeset, the report and a bump label", () => {
    const pr = all.find((step) => step.uses?.startsWith("peter-evans/create-pull-request@"))!;
    expect(pr.with!.branch).toBe("${{ env.BRANCH }}");
    expect((flow as unknown as { env: Record<string, string> }).env.BRANCH).toMatch(/^[\w/-]+$/);
    expect(pr.with!["body-path"]).toContain("drift.md");
    expect(pr.with!.labels).toBe("drift:${{ steps.drift.outputs.bump }}");
    expect(String(pr.with!["add-paths"]).split("\n").filter(Boolean)).toEqual(["openapi/**", "generated/**", API_DOCS_FILE, `.changeset/${CHANGESET_FILE}`]);
    expect(flow.permissions).toMatchObject({ contents: "write", "pull-requests": "write" });
  });
});

describe("release.yml", () => {
  const flow = workflow("release.yml");
  const all = steps(flow);

  it("runs on pushes to main", () => {
    expect(flow.on).toEqual({ push: { branches: ["main"] } });
  });

  it("publishes through changesets/action with npm provenance", () => {
    expect(flow.permissions["id-token"]).toBe("write");
    const release = all.find((step) => step.uses?.startsWith("changesets/action@"))!;
    expect(release.with!.publish).toBe("npx changeset publish");
    expect(release.env!.NPM_CONFIG_PROVENANCE).toBe("true");
    const setup = all.find((step) => step.uses?.startsWith("actions/setup-node@"))!;
    expect(setup.with!["registry-url"]).toBe("https://registry.npmjs.org");
  });

  it("builds and tests before publishing", () => {
    const runs = all.map((step) => step.run ?? step.uses ?? "");
    const release = runs.findIndex((run) => run.startsWith("changesets/action@"));
    expect(runs.indexOf("npm test")).toBeGreaterThan(-1);
    expect(runs.indexOf("npm test")).toBeLessThan(release);
    expect(runs.indexOf("npm run build")).toBeGreaterThan(-1);
    expect(runs.indexOf("npm run build")).toBeLessThan(release);
  });
});
