// Counts of recent events per key within a sliding time window, in memory: the brakes on logins
// (accounts/loginLimiter.ts) and on residents' reports (intake/intakeLimiter.ts) are built on it.
// The number of remembered keys is bounded (least recently counted forgotten first), so a flood
// of random usernames or addresses cannot exhaust memory.

const MAX_KEYS = 10_000;

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** How many times `key` was counted within the window (forgetting older counts). */
  recent(key: string): number {
    const list = this.hits.get(key);
    if (!list) return 0;
    const since = this.now() - this.windowMs;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept.length;
  }

  /** Counts one event now for each key. */
  count(...keys: string[]): void {
    const at = this.now();
    for (const key of keys) {
      const list = this.hits.get(key) ?? [];
      list.push(at);
      this.hits.delete(key); // re-insert: the map's order is least recently counted first
      this.hits.set(key, list);
    }
    while (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value!);
  }

  forget(key: string): void {
    this.hits.delete(key);
  }
}
