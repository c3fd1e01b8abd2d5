/** Shared by the benchmarks: the row every figure is printed as, medians, rounding. */
export interface Row {
  /** What is measured. */
  readonly name: string;
  /** The baseline it is compared with, measured in the same run. */
  readonly baseline: string;
  readonly value: number;
  readonly baselineValue: number;
  readonly unit: string;
  /** value / baselineValue, or undefined for absolute figures. */
  readonly ratio?: number;
  readonly target?: string;
  readonly peakRssMb?: number;
  readonly baselinePeakRssMb?: number;
  /** Milliseconds per stage (generate rows). */
  readonly stages?: Readonly<Record<string, number>>;
  /** Why the figure could not be measured (the row then has no value). */
  readonly skipped?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number): number => Math.round(value * 100) / 100;
