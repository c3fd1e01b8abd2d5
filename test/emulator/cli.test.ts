import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const TSX = resolve("node_modules/.bin/tsx");
const CLI = resolve("src/emulator/cli.ts");

function run(args: string[]) {
  const child = spawn(TSX, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("artu-emulator CLI", () => {
  it("prints the URL and test key, serves requests and stops on SIGTERM", async () => {
    const cli = run(["--port", "0", "--seed", "5"]);
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${JSON.stringify(cli.output())}`)), 20_000);
      cli.child.stdout.on("data", () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output().stdout);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
    });
    expect(cli.output().stdout).toContain("API key: sk_test_emulator");
    const response = await fetch(`${url}/clients/list`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_emulator", "x-environment": "live", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toContain("stopping");
  });

  it("never prints a key given with --key", async () => {
    const cli = run(["--port", "0", "--key", "sk_secret_value"]);
    await new Promise<void>((done) => cli.child.stdout.on("data", () => /listening/.test(cli.output().stdout) && done()));
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).not.toContain("sk_secret_value");
  });

  it("exits 2 with a message naming the bad argument", async () => {
    const bad = run(["--port", "abc"]);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain("--port must be an integer");
    const unknown = run(["--colour", "red"]);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output().stderr).toContain("colour");
  });
});
