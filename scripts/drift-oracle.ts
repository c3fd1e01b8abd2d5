/**
 * `npm run drift:oracle -- [--corpus <dir>] [--sample <n>]`
 *
 * The generated types as an oracle for the drift rules, over every pair of a
 * drift corpus (default test/fixtures/drift/<pair>/{base,head}.json): a change
 * drift rates SDK-breaking must show in the types, and a break of the types
 * must be rated SDK-breaking. Each distinct spec is generated once, in this
 * process. Known disagreements, each with its reason, are in
 * scripts/lib/drift/oracle-explained.ts. `npm test` runs a sample
 * (test/drift/oracle.test.ts); this runs them all.
 *
 * Exit codes: 0 every disagreement is explained, 1 an unexplained one (or an
 * explained one that no longer occurs), 2 bad input (a corpus that cannot be
 * read), 3 internal failure.
 */
import { resolve } from "node:path";
import { CliError, EXIT, parseCliArgs, runCli } from "./lib/cli";
import { corpusPairNames, readCorpusPair, samplePairNames } from "./lib/drift/corpus";
import { disagreementKey, runSdkOracle } from "./lib/drift/oracle";
import { EXPLAINED_DISAGREEMENTS, judge } from "./lib/drift/oracle-explained";

const USAGE = `usage: npm run drift:oracle -- [--corpus <dir>] [--sample <n>]

  --corpus <dir>  directories <pair>/base.json + <pair>/head.json (default test/fixtures/drift)
  --sample <n>    check at most n pairs, spread evenly over the sorted names (default: all)

Exit codes: 0 no unexplained disagreement, 1 disagreements to fix, 2 bad input, 3 internal failure.`;

runCli("drift:oracle", async () => {
  const started = performance.now();
  const args = parseCliArgs(
    process.argv.slice(2),
    { corpus: { type: "string", default: "test/fixtures/drift" }, sample: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
    USAGE,
  );
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }
  const corpus = resolve(args.corpus as string);
  const all = readNames(corpus);
  const names = args.sample === undefined ? all : samplePairNames(all, parseSample(args.sample as string));
  const pairs = await Promise.all(names.map((name) => readCorpusPair(corpus, name)));
  const { disagreements, specs } = await runSdkOracle(pairs);
  const { unexplained, stale } = judge(disagreements, names);
  for (const disagreement of disagreements) {
    const why = EXPLAINED_DISAGREEMENTS.get(disagreementKey(disagreement));
    process.stdout.write(`${why ? "explained" : "UNEXPLAINED"} ${disagreementKey(disagreement)}: ${disagreement.detail}${why ? ` (${why})` : ""}\n`);
  }
  for (const key of stale) process.stdout.write(`STALE ${key}: listed as explained but no longer disagrees; remove it\n`);
  process.stdout.write(
    `drift:oracle: ${pairs.length} pairs, ${specs} distinct specs, ${disagreements.length} disagreement(s) ` +
      `(${unexplained.length} unexplained, ${stale.length} stale) in ${Math.round(performance.now() - started)} ms\n`,
  );
  return unexplained.length + stale.length > 0 ? EXIT.findings : EXIT.done;
});

function readNames(corpus: string): string[] {
  let names: string[];
  try {
    names = corpusPairNames(corpus);
  } catch (error) {
    throw new CliError(`--corpus ${corpus}: cannot read (${(error as Error).message})`);
  }
  if (names.length === 0) throw new CliError(`--corpus ${corpus}: no <pair>/base.json + head.json there`);
  return names;
}

function parseSample(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new CliError(`--sample: expected a positive integer, got ${JSON.stringify(value)}`);
  return count;
}
