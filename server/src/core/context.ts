import type { Actor } from "./roles.ts";

/** Everything non-deterministic a decision needs comes in here: who, when, and new ids. */
export interface DecideContext {
  actor: Actor;
  now: number;
  newId: () => string;
}
