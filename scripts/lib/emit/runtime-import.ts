/** The module specifier generated files use for src/internal, relative to wherever they are written. */
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const RUNTIME_ENTRY = fileURLToPath(new URL("../../../src/internal", import.meta.url));

export function runtimeImportFor(outDir: string, runtimeEntry = RUNTIME_ENTRY): string {
  const path = relative(resolve(outDir), runtimeEntry).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}
