// Brake on residents' reports (居民点单), in memory: every attempt counts (before its body is read,
// so a flood costs no image decoding), per device (the yst_device cookie) and per network address
// within an hour; beyond either limit the attempt is 429 RATE_LIMITED and nothing is stored.
// A device without the cookie gets a new one, so clearing cookies only leaves the address limit.

import { SlidingWindow } from "../http/slidingWindow.ts";

export const REPORT_WINDOW_MS = 60 * 60 * 1000;
export const MAX_REPORTS_PER_DEVICE = 5;
export const MAX_REPORTS_PER_ADDRESS = 20;

export class IntakeLimiter {
  private readonly attempts: SlidingWindow;

  constructor(now: () => number) {
    this.attempts = new SlidingWindow(REPORT_WINDOW_MS, now);
  }

  /** Counts an attempt from this device and address; false when either is over its limit (the attempt is not counted then). */
  take(device: string, address: string): boolean {
    const deviceKey = `d:${device}`;
    const addressKey = `a:${address}`;
    if (this.attempts.recent(deviceKey) >= MAX_REPORTS_PER_DEVICE || this.attempts.recent(addressKey) >= MAX_REPORTS_PER_ADDRESS) return false;
    this.attempts.count(deviceKey, addressKey);
    return true;
  }
}
