import type { Result } from "./errors.ts";
import type { GroupOpening } from "./groups/schema.ts";
import type { Tally } from "./poll/schema.ts";
import type { Actor } from "./roles.ts";

/** Everything non-deterministic a decision needs comes in here: who, when, and new ids. */
export interface DecideContext {
  actor: Actor;
  now: number;
  newId: () => string;
  /** poll.close only: the ballot box totals, read by the server in the same turn of the room. */
  tally?: Tally;
  /** groups.open only: the opening whose group meetings the server made in the same turn (core/groups/decide.ts openingOf). */
  groupsOpening?: Result<GroupOpening[]>;
}
