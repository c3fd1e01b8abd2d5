/** generated/index.ts: one entry re-exporting the generated files. */
import { fileBanner } from "./docs";
import type { ApiModel } from "../model/types";

export function emitIndex(model: ApiModel): string {
  return [
    fileBanner(model.title, model.version),
    'export * from "./schema";',
    'export * from "./operations";',
    'export * from "./helpers";',
    "",
  ].join("\n");
}
