/** One round trip: client send time, server time, client receive time (all ms). */
export interface TimeSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/**
 * Server clock minus client clock, from the sample with the shortest round trip (the one
 * least distorted by queueing), assuming the server answered half-way through it.
 */
export function estimateOffset(samples: readonly TimeSample[]): number {
  let best: TimeSample | undefined;
  for (const s of samples) {
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return 0;
  return best.serverTime - (best.sentAt + (best.receivedAt - best.sentAt) / 2);
}
