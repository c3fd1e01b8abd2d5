/**
 * The emulator's throughput beside Prism's (`@stoplight/prism-cli`, a
 * stateless mock) serving the same snapshot, measured in one run: requests
 * per second for a create → retrieve → list mix over loopback, with a few
 * requests in flight. Both servers run as child processes (the load comes
 * from this one) and rounds alternate between them so that machine noise
 * hits both. Prism is heavy (≈180 packages, 74 MB), so it is not a
 * devDependency: it is installed on first use into a cache directory
 * (pinned) and the baseline is skipped with a note when that fails (offline).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { median, round, type Row } from "./measure";

const PRISM_VERSION = "5.16.0";
const PRISM_CACHE = resolve("node_modules/.cache/artu-bench", `prism-${PRISM_VERSION}`);
const PRISM_BIN = join(PRISM_CACHE, "node_modules/.bin/prism");
const SNAPSHOT = "openapi/artu.json";
const HEADERS = { authorization: "Bearer sk_test_emulator", "x-environment": "test", "content-type": "application/json" };
const STARTUP_MS = 120_000;

interface Target {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
}

export async function measureEmulatorThroughput(options: { iterations?: number; rounds?: number; concurrency?: number } = {}): Promise<Row[]> {
  const { iterations = 200, rounds = 5, concurrency = 4 } = options;
  const targets: Target[] = [await startEmulatorProcess()];
  const prism = await startPrism();
  if (typeof prism !== "string") targets.push(prism);
  try {
    for (const target of targets) await runMix(target.url, 20, concurrency); // warm-up: JIT, sockets
    const rates = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    for (let r = 0; r < rounds; r++) {
      for (const target of targets) rates.get(target.name)!.push(await runMix(target.url, iterations, concurrency));
    }
    const emulatorRate = round(median(rates.get("emulator")!));
    const name = `emulator: create/retrieve/list mix over loopback, ${concurrency} in flight (req/s, higher is better)`;
    if (typeof prism === "string") {
      return [{ name, baseline: `Prism skipped: ${prism}`, value: emulatorRate, baselineValue: Number.NaN, unit: "req/s" }];
    }
    const prismRate = round(median(rates.get("prism")!));
    return [{ name, baseline: `Prism ${PRISM_VERSION} mock (stateless), same snapshot`, value: emulatorRate, baselineValue: prismRate, unit: "req/s", ratio: round(emulatorRate / prismRate) }];
  } finally {
    for (const target of targets) target.child.kill();
  }
}

/** Runs `iterations` × (create, retrieve the created id, list) with `concurrency` workers; returns requests per second. */
async function runMix(url: string, iterations: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < iterations) {
      const index = next++;
      const created = (await send(url, "POST", "/clients", { type: "individual", name: `Bench ${index}`, externalId: `bench-${process.hrtime.bigint()}` })) as { id: string };
      await send(url, "GET", `/clients/${created.id}`);
      await send(url, "POST", "/clients/list", { limit: 20 });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (iterations * 3) / ((performance.now() - started) / 1000);
}

async function send(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { method, headers: HEADERS, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  if (!response.ok) throw new Error(`bench: ${method} ${path} on ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

async function startEmulatorProcess(): Promise<Target> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/emulator/cli.ts", "--port", "0", "--seed", "1"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`bench: the emulator exited (${code}) before listening`)));
  });
  child.stdout!.resume();
  return { name: "emulator", url, child };
}

/** Prism on a free port, or why it is not there. */
async function startPrism(): Promise<Target | string> {
  const missing = ensurePrism();
  if (missing) return missing;
  const port = await freePort();
  const child = spawn(PRISM_BIN, ["mock", "-h", "127.0.0.1", "-p", String(port), "-v", "warn", SNAPSHOT], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return `prism exited with ${child.exitCode} while starting`;
    try {
      await send(url, "POST", "/clients/list", { limit: 1 });
      return { name: "prism", url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill();
  return `prism did not answer within ${STARTUP_MS / 1000} s`;
}

/** Installs the pinned Prism into the cache on first use; undefined when it is there, else the reason it is not. */
function ensurePrism(): string | undefined {
  if (existsSync(PRISM_BIN)) return undefined;
  process.stderr.write(`bench: installing @stoplight/prism-cli@${PRISM_VERSION} into ${PRISM_CACHE} (once)…\n`);
  const result = spawnSync("npm", ["install", "--prefix", PRISM_CACHE, "--no-save", "--no-audit", "--no-fund", "--loglevel", "error", `@stoplight/prism-cli@${PRISM_VERSION}`], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (result.status === 0 && existsSync(PRISM_BIN)) return undefined;
  return `@stoplight/prism-cli@${PRISM_VERSION} could not be installed into ${PRISM_CACHE} (${(result.stderr || result.error?.message || "unknown error").trim().split("\n")[0]})`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePromise(typeof address === "object" && address ? address.port : 0));
    });
  });
}
