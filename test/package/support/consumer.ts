/**
 * A fresh project outside the repository that installs the packed tarball
 * the way a user would, plus the consumer files of test/package/consumer/.
 * Nothing in it points back into the repository.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { NPM, ROOT, runOk } from "./commands";

const FIXTURES = join(ROOT, "test/package/consumer");

/** Fixture file → name in the consumer project (the TypeScript ones are .txt in the repo, see typed-consumer.ts.txt). */
const CONSUMER_FILES: Record<string, string> = {
  "scenario.cjs": "scenario.cjs",
  "esm.mjs": "esm.mjs",
  "cjs.cjs": "cjs.cjs",
  "typed-consumer.ts.txt": "index.ts",
  "typed-consumer.cts.txt": "require.cts",
};

const STRICT = { strict: true, noEmit: true, target: "es2022", lib: ["es2023"], types: ["node"], skipLibCheck: false };

/** One tsconfig per module resolution a consumer may use; node16 also compiles the CommonJS file. */
export const TSCONFIGS = {
  bundler: { compilerOptions: { ...STRICT, module: "esnext", moduleResolution: "bundler" }, files: ["index.ts"] },
  node16: { compilerOptions: { ...STRICT, module: "node16", moduleResolution: "node16" }, files: ["index.ts", "require.cts"] },
} as const;

export async function createConsumer(dir: string, tarball: string): Promise<{ installMs: number }> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "artu-consumer", private: true, type: "module" }, null, 2)}\n`);
  for (const [fixture, name] of Object.entries(CONSUMER_FILES)) await copyFile(join(FIXTURES, fixture), join(dir, name));
  for (const [name, config] of Object.entries(TSCONFIGS)) {
    await writeFile(join(dir, `tsconfig.${name}.json`), `${JSON.stringify(config, null, 2)}\n`);
  }
  const install = await runOk(
    NPM,
    ["install", tarball, "typescript@5.9.3", "@types/node@20", "--prefer-offline", "--no-audit", "--no-fund"],
    dir,
    180_000,
  );
  return { installMs: install.ms };
}
