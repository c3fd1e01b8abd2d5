/** The stable JSON contract: `{ bump, changes }`, fields in a fixed order, 2-space indented, trailing newline. */
import type { Change, DriftReport } from "./change";

const FIELD_ORDER: readonly (keyof Change)[] = [
  "id",
  "level",
  "axis",
  "operationId",
  "method",
  "path",
  "pointer",
  "message",
  "before",
  "after",
  "action",
];

export function renderJson(report: DriftReport): string {
  const changes = report.changes.map((change) => {
    const ordered: Record<string, unknown> = {};
    for (const field of FIELD_ORDER) if (change[field] !== undefined) ordered[field] = change[field];
    return ordered;
  });
  return `${JSON.stringify({ bump: report.bump, changes }, null, 2)}\n`;
}
