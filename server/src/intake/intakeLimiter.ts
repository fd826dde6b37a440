// Brake on residents' reports (居民点单), in memory: every attempt counts (before its body is read,
// so a flood costs no image decoding), per device (the yst_device cookie) and per network address
// within an hour; beyond either limit the attempt is 429 RATE_LIMITED and nothing is stored.
// A device without the cookie gets a new one, so clearing cookies only leaves the address limit.

export const REPORT_WINDOW_MS = 60 * 60 * 1000;
export const MAX_REPORTS_PER_DEVICE = 5;
export const MAX_REPORTS_PER_ADDRESS = 20;
/** Bound on remembered keys, so a flood from many addresses cannot exhaust memory. */
const MAX_KEYS = 10_000;

export class IntakeLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Counts an attempt from this device and address; false when either is over its limit (the attempt is not counted then). */
  take(device: string, address: string): boolean {
    const deviceKey = `d:${device}`;
    const addressKey = `a:${address}`;
    if (this.recent(deviceKey) >= MAX_REPORTS_PER_DEVICE || this.recent(addressKey) >= MAX_REPORTS_PER_ADDRESS) return false;
    const at = this.now();
    for (const key of [deviceKey, addressKey]) {
      const list = this.attempts.get(key) ?? [];
      list.push(at);
      this.attempts.delete(key); // re-insert: least recently used first
      this.attempts.set(key, list);
    }
    while (this.attempts.size > MAX_KEYS) this.attempts.delete(this.attempts.keys().next().value!);
    return true;
  }

  private recent(key: string): number {
    const list = this.attempts.get(key);
    if (!list) return 0;
    const since = this.now() - REPORT_WINDOW_MS;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, kept);
    return kept.length;
  }
}
