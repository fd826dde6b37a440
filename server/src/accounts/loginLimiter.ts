// Brute-force brake for logins, in memory: more than 5 failures for one username, or 20 from one
// address, within 15 minutes refuse further attempts until the oldest failure leaves the window.
import { SlidingWindow } from "../http/slidingWindow.ts";

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_USERNAME = 5;
export const MAX_PER_ADDRESS = 20;

export class LoginLimiter {
  private readonly failures: SlidingWindow;

  constructor(now: () => number) {
    this.failures = new SlidingWindow(WINDOW_MS, now);
  }

  /** True when this username or address may try again now. */
  allowed(username: string, address: string): boolean {
    return this.failures.recent(userKey(username)) < MAX_PER_USERNAME && this.failures.recent(addressKey(address)) < MAX_PER_ADDRESS;
  }

  fail(username: string, address: string): void {
    this.failures.count(userKey(username), addressKey(address));
  }

  /** A successful login forgives the username's failures (not the address's). */
  succeed(username: string): void {
    this.failures.forget(userKey(username));
  }
}

const userKey = (username: string) => `u:${username.toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;
