// Brake on the public 征集表 link, in memory: every attempt counts (before its body is checked), per
// device (the yst_device cookie) and per network address within an hour; beyond either limit the
// attempt is 429 RATE_LIMITED and nothing is stored. A worker sends one form, perhaps two; a
// workshop's workers often share one network address (the factory's Wi-Fi), hence the address
// limit is far above the residents' intake (intake/intakeLimiter.ts).

import { SlidingWindow } from "../../http/slidingWindow.ts";

export const FORM_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FORMS_PER_DEVICE = 3;
export const MAX_FORMS_PER_ADDRESS = 150;

export class FormLimiter {
  private readonly attempts: SlidingWindow;

  constructor(now: () => number) {
    this.attempts = new SlidingWindow(FORM_WINDOW_MS, now);
  }

  /** Counts an attempt from this device and address; false when either is over its limit (the attempt is not counted then). */
  take(device: string, address: string): boolean {
    const deviceKey = `d:${device}`;
    const addressKey = `a:${address}`;
    if (this.attempts.recent(deviceKey) >= MAX_FORMS_PER_DEVICE || this.attempts.recent(addressKey) >= MAX_FORMS_PER_ADDRESS) return false;
    this.attempts.count(deviceKey, addressKey);
    return true;
  }
}
