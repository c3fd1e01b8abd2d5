/**
 * `npm run docs -- [--dir <repo root>]`: docs/api.md, the API reference, from
 * generated/manifest.json, the generated TypeScript and the package entries.
 * `npm run generate` rebuilds it too, when it generates the project's own
 * snapshot into its own generated/ (scripts/lib/api-docs/project-docs.ts), and
 * `npm run regenerate` does with the rest; test/package/api-docs.test.ts fails
 * when the committed file is stale.
 *
 * Exit codes: 0 done, 2 bad input (generated/ missing or its manifest broken),
 * 3 internal failure (a bug).
 */
import { resolve } from "node:path";
import { EXIT, parseCliArgs, runCli } from "./lib/cli";
import { writeApiDocs } from "./lib/api-docs/project-docs";

const USAGE = `usage: npm run docs -- [--dir <repo root>]

  --dir <repo root>  the repository whose docs/api.md to rebuild (default: the current directory)

Exit codes: 0 done, 2 bad input (generated/ missing, a broken manifest), 3 internal failure (a bug).`;

runCli("docs", async () => {
  const args = parseCliArgs(process.argv.slice(2), { dir: { type: "string", default: "." }, help: { type: "boolean", short: "h", default: false } }, USAGE);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }
  process.stdout.write(`${await writeApiDocs(resolve(args.dir as string))}\n`);
  return EXIT.done;
});
