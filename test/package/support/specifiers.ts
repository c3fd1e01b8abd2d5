/**
 * Module specifiers a built file loads: static and dynamic imports, re-exports
 * and requires, in JavaScript and in declaration files.
 */
import { builtinModules } from "node:module";

/** A specifier never holds whitespace; statements start a line and do not cross a string before `from`. */
const SPECIFIER = String.raw`["']([^"'\s]+)["']`;
const PATTERNS = [
  new RegExp(String.raw`^\s*(?:import|export)\b[^;"'\x60]*?\bfrom\s*${SPECIFIER}`, "gm"),
  new RegExp(String.raw`^\s*import\s*${SPECIFIER}`, "gm"),
  new RegExp(String.raw`\bimport\s*\(\s*${SPECIFIER}\s*\)`, "g"),
  new RegExp(String.raw`\brequire\s*\(\s*${SPECIFIER}\s*\)`, "g"),
];

export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of PATTERNS) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found].sort();
}

/** "ajv/dist/2020.js" → "ajv", "@scope/pkg/x" → "@scope/pkg"; undefined for relative paths and node builtins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return undefined;
  const bare = specifier.replace(/^node:/, "");
  if (specifier.startsWith("node:") || builtinModules.includes(bare) || builtinModules.includes(bare.split("/")[0]!)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
