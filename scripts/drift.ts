/**
 * `npm run drift -- --base <spec> --head <spec> [--format markdown|json]
 *   [--fail-on breaking|warning|none] [--sdk-check]`
 *
 * Classifies every change between two OpenAPI 3.x documents (breaking /
 * warning / info, on the wire / SDK / both axes) and the semver bump the
 * package needs. A spec is a file path or `git:<ref>:<path>` (a committed
 * snapshot, e.g. `git:HEAD:openapi/artu.json`). `--sdk-check` also generates
 * the client for both specs and compares the public surface (manifest and
 * exported declarations), reporting any disagreement as a change of its own.
 *
 * Both specs must be bundled (self-contained) snapshots: an external `$ref`
 * is refused as bad input.
 *
 * Exit codes, one meaning each: 0 nothing at or above --fail-on; 1 changes at
 * or above --fail-on (default breaking), and nothing else; 2 bad input
 * (unreadable file, bad git ref, not OpenAPI 3.x, external or dangling $ref);
 * 3 internal failure (a bug, e.g. a stack overflow or a crashed generator
 * worker under --sdk-check), one line on stderr: never read as a finding.
 */
import { CliError, EXIT, parseCliArgs, runCli } from "./lib/cli";
import { diffSpecs } from "./lib/drift/diff-specs";
import { exitCodeFor, parseFailOn } from "./lib/drift/fail-on";
import { readSpec } from "./lib/drift/read-spec";
import { renderJson } from "./lib/drift/render-json";
import { renderMarkdown } from "./lib/drift/render-markdown";
import { withSdkCheck } from "./lib/drift/sdk-check";

const USAGE = `usage: npm run drift -- --base <spec> --head <spec> [--format markdown|json] [--fail-on breaking|warning|none] [--sdk-check]

  --base, --head   a file path, or git:<ref>:<path> (read with git show, path from the repository root)
  --format         markdown (default: the pull-request report) or json ({ bump, changes })
  --fail-on        exit 1 when a change at or above this level is present (default breaking; none: never)
  --sdk-check      also generate both clients and compare their public surface (slower)

Specs must be bundled snapshots: a $ref to another file is refused (exit 2); bundle first.
Use \`npm run -s drift\` when a program reads the output (npm's banner is not JSON).

Exit codes: 0 no change at or above --fail-on; 1 changes at or above --fail-on (only that);
2 bad input (unreadable file, bad git ref, not OpenAPI 3.x, external or dangling $ref);
3 internal failure (a bug; one line on stderr), never a finding.`;

runCli("drift", async () => {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }
  if (!args.base || !args.head) throw new CliError(`--base and --head are required\n${USAGE}`);
  const format = args.format ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new CliError(`--format: expected markdown or json, got ${JSON.stringify(format)}`);
  const failOn = parseFailOn(args["fail-on"] ?? "breaking");

  const [base, head] = await Promise.all([readSpec(args.base), readSpec(args.head)]);
  let report = diffSpecs(base, head);
  if (args["sdk-check"]) report = await withSdkCheck(report, base, head);
  process.stdout.write(format === "json" ? renderJson(report) : renderMarkdown(report));
  return exitCodeFor(report, failOn);
});

function parseArguments(argv: string[]) {
  return parseCliArgs(
    argv,
    {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string" },
      "fail-on": { type: "string" },
      "sdk-check": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
}
