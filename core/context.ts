import type { Tally } from "./poll/schema.ts";
import type { Actor } from "./roles.ts";

/** Everything non-deterministic a decision needs comes in here: who, when, and new ids. */
export interface DecideContext {
  actor: Actor;
  now: number;
  newId: () => string;
  /** poll.close only: the ballot box totals, read by the server in the same turn of the room. */
  tally?: Tally;
}
