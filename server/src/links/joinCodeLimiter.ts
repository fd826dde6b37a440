// Brake on guessing join codes, in memory: after 10 unknown codes from one address within 15
// minutes every further attempt from it, even with a right code, is refused until the oldest
// failure leaves the window. (A code has about 49 bits, so this leaves guessing hopeless.)

export const CODE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_CODE_FAILURES = 10;
/** Bound on remembered addresses, so a flood from many addresses cannot exhaust memory. */
const MAX_KEYS = 10_000;

export class JoinCodeLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  allowed(address: string): boolean {
    const list = this.failures.get(address);
    if (!list) return true;
    const since = this.now() - CODE_WINDOW_MS;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept.length < MAX_CODE_FAILURES;
  }

  fail(address: string): void {
    const list = this.failures.get(address) ?? [];
    list.push(this.now());
    this.failures.delete(address); // re-insert: least recently failed first
    this.failures.set(address, list);
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}
