/**
 * When docs/api.md is rebuilt. It describes the project's own client, so
 * `npm run generate` refreshes it only when it generates the project's
 * snapshot into the project's generated/ (the defaults); generating any other
 * spec or into any other directory leaves the docs alone and costs nothing
 * more (the builder, which loads TypeScript, is imported only when needed).
 * `npm run docs` and `npm run regenerate` rebuild it explicitly.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository these scripts belong to. */
const PROJECT = fileURLToPath(new URL("../../../", import.meta.url));
export const PROJECT_SNAPSHOT = "openapi/artu.json";
export const PROJECT_OUTPUT = "generated";

/** True when `generate --spec <spec> --out <out>` makes the project's own generated/ from its own snapshot. */
export function generatesProjectClient(spec: string, out: string, project = PROJECT): boolean {
  return resolve(spec) === join(project, PROJECT_SNAPSHOT) && resolve(out) === join(project, PROJECT_OUTPUT);
}

/** Builds `<root>/docs/api.md` and writes it when it changed; returns the line the CLIs print. */
export async function writeApiDocs(root: string): Promise<string> {
  const started = performance.now();
  const { API_DOCS_FILE, buildApiDocs } = await import("./build");
  const target = join(root, API_DOCS_FILE);
  const markdown = await buildApiDocs(root);
  const previous = await readFile(target, "utf8").catch(() => undefined);
  if (previous !== markdown) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, markdown);
  }
  const state = previous === markdown ? "unchanged" : "written";
  return `docs: ${API_DOCS_FILE} ${state} (${markdown.split("\n").length} lines) in ${Math.round(performance.now() - started)} ms`;
}

/** After a successful generate: refreshes the project's docs/api.md when the project's client was generated. */
export async function refreshProjectDocs(spec: string, out: string): Promise<string | undefined> {
  return generatesProjectClient(spec, out) ? writeApiDocs(PROJECT) : undefined;
}
