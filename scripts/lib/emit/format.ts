/**
 * Prettier for every emitted TypeScript file except schema.ts (see schema.ts
 * for why: on a GitHub-sized spec prettier would take longer than generating).
 * What we emit is small (ARTU: operations.ts ~90 KB, helpers.ts ~15 KB), so
 * prettier's cost there (~0.2 s to load, ~0.3 s to format on ARTU) buys the
 * project's one formatting standard instead of a printer of our own.
 */
import { format } from "prettier";

// babel-ts: the same output as the "typescript" parser on generated code, in about half the time.
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 120 } as const;

export function formatTypeScript(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}
