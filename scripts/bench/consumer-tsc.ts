/**
 * What the package costs its users' type-checker: `tsc --noEmit` on a small
 * consumer of the built package (dist/ declarations, as installed) against the
 * same calls written with openapi-fetch over the bare openapi-typescript types.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median, round, type Row } from "./measure";

const CALLS = `
const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
`;

const PACKAGE_CONSUMER = `import { createArtuClient, isClientsMigrateBlocked } from "artu-compliance-client";
const artu = createArtuClient({ apiKey: "k", environment: "test" });${CALLS}
export async function main() {
  const client = await artu.clients.retrieve({ id });
  const page = await artu.addresses.listForClient({ clientId: id, limit: 10 });
  const result = await artu.clients.migrate({ id }, { to: "live" });
  return [client.name, page.data.length, isClientsMigrateBlocked(result) ? result.blockers.length : result.targetId];
}
`;

const BARE_CONSUMER = `import createClient from "openapi-fetch";
import type { paths } from "./schema";
const artu = createClient<paths>({ baseUrl: "https://api.artu.ai", headers: { authorization: "Bearer k", "x-environment": "test" } });${CALLS}
export async function main() {
  const { data: client } = await artu.GET("/clients/{id}", { params: { path: { id } } });
  const { data: page } = await artu.GET("/clients/{clientId}/addresses", { params: { path: { clientId: id }, query: { limit: 10 } } });
  const { data: result } = await artu.POST("/clients/{id}/migrate", { params: { path: { id } }, body: { to: "live" } });
  return [client?.name, page?.data.length, result && result.status === "blocked" ? result.blockers.length : result?.targetId];
}
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, module: "esnext", moduleResolution: "bundler", target: "es2022", noEmit: true, skipLibCheck: false, types: [] },
  files: ["consumer.ts"],
});

/** Requires `npm run build` first (dist/). */
export function measureConsumerTypecheck(rounds = 5): Row[] {
  const root = resolve(".");
  const work = mkdtempSync(join(tmpdir(), "artu-bench-tsc-"));
  try {
    const withPackage = project(work, "package", PACKAGE_CONSUMER);
    mkdirSync(join(withPackage, "node_modules"), { recursive: true });
    symlinkSync(root, join(withPackage, "node_modules", "artu-compliance-client"), "dir");
    symlinkSync(join(root, "node_modules", "openapi-fetch"), join(withPackage, "node_modules", "openapi-fetch"), "dir");
    symlinkSync(join(root, "node_modules", "openapi-typescript-helpers"), join(withPackage, "node_modules", "openapi-typescript-helpers"), "dir");
    const bare = project(work, "bare", BARE_CONSUMER);
    cpSync(join(root, "generated", "schema.ts"), join(bare, "schema.ts"));
    mkdirSync(join(bare, "node_modules"), { recursive: true });
    symlinkSync(join(root, "node_modules", "openapi-fetch"), join(bare, "node_modules", "openapi-fetch"), "dir");
    symlinkSync(join(root, "node_modules", "openapi-typescript-helpers"), join(bare, "node_modules", "openapi-typescript-helpers"), "dir");

    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const b: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < rounds; i++) {
      b.push(typecheck(tsc, bare));
      c.push(typecheck(tsc, withPackage));
    }
    const value = median(c);
    const baselineValue = median(b);
    return [
      {
        name: "consumer tsc --noEmit (3 typed calls)",
        baseline: "openapi-fetch + bare openapi-typescript types",
        value: Math.round(value),
        baselineValue: Math.round(baselineValue),
        unit: "ms",
        ratio: round(value / baselineValue),
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function project(work: string, name: string, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), source);
  writeFileSync(join(dir, "tsconfig.json"), TSCONFIG);
  return dir;
}

function typecheck(tsc: string, dir: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`tsc in ${dir} failed:\n${result.stdout}${result.stderr}`);
  return ms;
}
