/**
 * Per-request cost of a generated method against plain `fetch` to the same
 * loopback server. The server runs in a child process so that the figure is
 * the client's own CPU time per request (process.cpuUsage), with wall time
 * beside it; rounds alternate between the variants so machine noise hits all.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createArtuClient } from "../../src/index";
import { median, round, type Row } from "./measure";

const CLIENT = {
  id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  name: "Acme SA",
  type: "company",
  scopes: ["MX"],
  isPrimary: true,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
};

type Variant = { name: string; send: () => Promise<unknown> };

export async function measureRequestOverhead(
  options: { requests?: number; rounds?: number } = {},
): Promise<Row[]> {
  const { requests = 2_000, rounds = 7 } = options;
  const server = await startServer();
  try {
    const base = { apiKey: "sk_bench_not_a_secret", environment: "test" as const, baseUrl: server.url };
    const plain = createArtuClient(base);
    const reportingDrift = createArtuClient({ ...base, drift: "report", onDrift: () => {} });
    const url = `${server.url}/clients/${CLIENT.id}`;
    const headers = { authorization: `Bearer ${base.apiKey}`, "x-environment": "test", accept: "application/json" };
    const variants: Variant[] = [
      { name: "fetch", send: async () => (await fetch(url, { headers })).json() },
      { name: "generated", send: () => plain.clients.retrieve({ id: CLIENT.id }) },
      { name: "drift-report", send: () => reportingDrift.clients.retrieve({ id: CLIENT.id }) },
    ];
    for (const variant of variants) await runBatch(variant, 200); // warm-up: JIT, sockets
    const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    const wall = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const variant of variants) {
        const figures = await runBatch(variant, requests);
        cpu.get(variant.name)!.push(figures.cpuUs / requests);
        wall.get(variant.name)!.push(figures.wallUs / requests);
      }
    }
    const fetchCpu = median(cpu.get("fetch")!);
    const fetchWall = median(wall.get("fetch")!);
    return variants.slice(1).flatMap((variant) => {
      const label = variant.name === "generated" ? "generated method (clients.retrieve)" : 'generated method, drift: "report"';
      const target = variant.name === "generated" ? "≤ 1.10×" : undefined;
      const c = median(cpu.get(variant.name)!);
      const w = median(wall.get(variant.name)!);
      return [
        { name: `${label}: client CPU per request`, baseline: "plain fetch", value: round(c), baselineValue: round(fetchCpu), unit: "µs", ratio: round(c / fetchCpu), target },
        { name: `${label}: wall time per request`, baseline: "plain fetch", value: round(w), baselineValue: round(fetchWall), unit: "µs", ratio: round(w / fetchWall) },
      ];
    });
  } finally {
    server.stop();
  }
}

async function runBatch(variant: Variant, requests: number): Promise<{ cpuUs: number; wallUs: number }> {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < requests; i++) await variant.send();
  const wallUs = (performance.now() - start) * 1000;
  const used = process.cpuUsage(startCpu);
  return { cpuUs: used.user + used.system, wallUs };
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(new URL("./loopback-server.ts", import.meta.url)), [JSON.stringify(CLIENT)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [port] = (await once(child, "message")) as [number];
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

