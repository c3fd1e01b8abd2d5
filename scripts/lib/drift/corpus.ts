/**
 * The drift corpus on disk: every `<dir>/<pair>/` holding a base.json and a
 * head.json (test/fixtures/drift), read in name order.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadOpenApiFile } from "../spec/load";
import type { OraclePair } from "./oracle";

export function corpusPairNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "base.json")) && existsSync(join(dir, entry.name, "head.json")))
    .map((entry) => entry.name)
    .sort();
}

export async function readCorpusPair(dir: string, name: string): Promise<OraclePair> {
  const side = async (file: string) => {
    const source = join(dir, name, file);
    return { document: await loadOpenApiFile(source), source };
  };
  const [base, head] = await Promise.all([side("base.json"), side("head.json")]);
  return { name, base, head };
}

/** At most `max` names spread evenly over the sorted list (every k-th), the same ones on every run. */
export function samplePairNames(names: readonly string[], max: number): string[] {
  if (names.length <= max) return [...names];
  const stride = names.length / max;
  return Array.from({ length: max }, (_, index) => names[Math.floor(index * stride)]!);
}
