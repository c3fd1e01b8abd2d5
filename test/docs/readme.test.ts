/**
 * Every TypeScript example in the README compiles (strict) against the
 * package's source entries, so the docs cannot drift from the API.
 * Free names the snippets use (an id, a secrets store, rows from the user's
 * database) are declared once in a prelude.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const work = join(root, "test", "docs", ".readme-snippets");

const PRELUDE = `
import type { AddressesSyncBody, ClientsCreateBody } from "artu-compliance-client";
declare const id: string;
declare const clientId: string;
declare const secrets: { get(name: string): Promise<string> };
declare const input: ClientsCreateBody;
declare const addresses: NonNullable<import("artu-compliance-client").AddressesCreateManyBody["items"]>;
declare const rowsFromYourDatabase: { street: string }[];
declare function toAddress(row: { street: string }): AddressesSyncBody["items"][number] & { externalId: string };
`;

function snippets(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the README's TypeScript examples type-check", () => {
  const blocks = snippets(readFileSync(join(root, "README.md"), "utf8"));
  expect(blocks.length).toBeGreaterThanOrEqual(8);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const files = blocks.map((block, index) => {
    const file = `snippet-${String(index + 1).padStart(2, "0")}.ts`;
    // Snippets after the quick start use the `artu` client it creates.
    const client = /\bconst artu\b/.test(block) ? "" : 'declare const artu: import("artu-compliance-client").ArtuClient;\n';
    writeFileSync(join(work, file), `${PRELUDE}${client}\n${block}\nexport {};\n`);
    return file;
  });
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        resolveJsonModule: true,
        skipLibCheck: true,
        noUnusedLocals: false,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
        paths: {
          "artu-compliance-client": [join(root, "src/index.ts")],
          "artu-compliance-client/emulator": [join(root, "src/emulator/index.ts")],
          "*": [join(root, "node_modules/*")],
        },
      },
      files,
    }),
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", work], { encoding: "utf8" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe("");
}, 120_000);
