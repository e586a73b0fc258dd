/** What a benchmark reports: named figures with units, written to bench/results/NAME.json. */
export type Figures = Record<string, { value: number; unit: string }>;

/** Rounds for display and the results file: 3 significant digits are all a noisy machine supports. */
export function figure(value: number, unit: string): { value: number; unit: string } {
  return { value: Number(value.toPrecision(3)), unit };
}
