// Brute-force brake for logins, in memory: more than 5 failures for one username, or 20 from one
// address, within 15 minutes refuse further attempts until the oldest failure leaves the window.

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_USERNAME = 5;
export const MAX_PER_ADDRESS = 20;
/** Bound on remembered keys, so a flood of random usernames cannot exhaust memory. */
const MAX_KEYS = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** True when this username or address may try again now. */
  allowed(username: string, address: string): boolean {
    return this.recent(userKey(username)) < MAX_PER_USERNAME && this.recent(addressKey(address)) < MAX_PER_ADDRESS;
  }

  fail(username: string, address: string): void {
    const at = this.now();
    for (const key of [userKey(username), addressKey(address)]) {
      const list = this.failures.get(key) ?? [];
      list.push(at);
      this.failures.delete(key); // re-insert: the map's order is least recently failed first
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A successful login forgives the username's failures (not the address's). */
  succeed(username: string): void {
    this.failures.delete(userKey(username));
  }

  private recent(key: string): number {
    const list = this.failures.get(key);
    if (!list) return 0;
    const since = this.now() - WINDOW_MS;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept.length;
  }
}

const userKey = (username: string) => `u:${username.toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;
