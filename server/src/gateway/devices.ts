// Limits per person rather than per connection: one join link may be connected from a few
// devices at once (a further connection ends the oldest), and all of that person's connections
// draw on one rate limit, so opening more connections buys no more commands.
import { tokenBucket } from "./rateLimit.ts";

/** The rate limit of one person (or of one connection of the room display): a burst, then a steady rate. */
export const RATE = { perSecond: 10, burst: 20 } as const;

/**
 * Screens of one meeting's room display (大屏): a projector, side screens, the venue terminal.
 * They share the display's link, so the limit is per meeting, not per participant.
 */
export const DISPLAY_SCREENS = 10;

interface Person<S> {
  /** Oldest first. */
  sockets: S[];
  allow: () => boolean;
  /** Pending removal once the last connection has gone (see `disconnected`). */
  forget?: ReturnType<typeof setTimeout>;
}

export class Devices<S> {
  private readonly people = new Map<string, Person<S>>();

  constructor(
    private readonly now: () => number,
    /** Tells a connection why it is ended, then closes it. */
    private readonly end: (socket: S) => void,
  ) {}

  /**
   * A new connection of `key` (a participant, or a meeting's display): it becomes the newest;
   * beyond `max`, the oldest are ended. Returns the rate limit shared by all of `key`'s connections.
   */
  connected(key: string, socket: S, max: number): () => boolean {
    let person = this.people.get(key);
    if (!person) {
      person = { sockets: [], allow: tokenBucket(RATE.perSecond, RATE.burst, this.now) };
      this.people.set(key, person);
    }
    clearTimeout(person.forget);
    person.forget = undefined;
    person.sockets.push(socket);
    // Ended ones leave the list now: their disconnect may come later, and must not count twice.
    for (const oldest of person.sockets.splice(0, Math.max(0, person.sockets.length - max))) this.end(oldest);
    return person.allow;
  }

  disconnected(key: string, socket: S): void {
    const person = this.people.get(key);
    if (!person) return;
    person.sockets = person.sockets.filter((s) => s !== socket);
    if (person.sockets.length > 0 || person.forget) return;
    // Kept until the bucket has refilled: disconnecting and reconnecting must not reset it.
    person.forget = setTimeout(() => this.people.delete(key), (RATE.burst / RATE.perSecond) * 1000);
    person.forget.unref();
  }

  /** People with connections or a bucket not yet refilled (for tests: nothing is kept for good). */
  get size(): number {
    return this.people.size;
  }
}
