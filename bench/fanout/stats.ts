// Small statistics helpers for the fan-out benchmark.

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Summary {
  p50: number;
  p99: number;
  max: number;
}

export const summarize = (samples: readonly number[]): Summary => ({
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  max: percentile(samples, 100),
});

/** Formats a number with fixed decimals, or "–" for NaN. */
export const fmt = (value: number, decimals = 1): string => (Number.isFinite(value) ? value.toFixed(decimals) : "–");
