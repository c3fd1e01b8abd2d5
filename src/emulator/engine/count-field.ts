/** The number a count answer carries: `count`, else its only numeric field. */
import type { Json } from "../store";

export function countField(answer: Json): string | undefined {
  if (typeof answer.count === "number") return "count";
  const numeric = Object.keys(answer).filter((key) => typeof answer[key] === "number");
  return numeric.length === 1 ? numeric[0] : undefined;
}
