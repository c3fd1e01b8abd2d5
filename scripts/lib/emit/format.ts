/** Prettier for every emitted TypeScript file except schema.ts (see schema.ts for why). */
import { format } from "prettier";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 120 } as const;

export function formatTypeScript(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}
