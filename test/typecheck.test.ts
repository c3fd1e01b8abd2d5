/**
 * The whole project (src, scripts, generated, tests) type-checks under the
 * strict tsconfig. vitest only transpiles, so without this a type error in a
 * file no other compile covers would pass CI.
 */
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(__dirname, "..");

test("tsc --noEmit -p . reports nothing", () => {
  let output = "";
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", root], { encoding: "utf8" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe("");
}, 180_000);
