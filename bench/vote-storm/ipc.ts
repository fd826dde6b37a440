// Messages between the vote-storm orchestrator (run.ts) and its server children.

export interface Voter {
  token: string;
  participantId: string;
}

/** Orchestrator → server child. */
export type ToServer =
  | { type: "present" }
  /** Start recording every SQL statement sent (bench/shared/recordStatements.ts), or stop and report them. */
  | { type: "sql.start" }
  /** CPU profile of the server process (BENCH_PROFILE_DIR): start, or stop and write it. */
  | { type: "profile.start" }
  | { type: "profile.stop"; name: string }
  | { type: "sql.stop" }
  | { type: "stop" };

/** Server child → orchestrator. */
export type FromServer =
  | { type: "ready"; port: number; chair: Voter; members: Voter[]; databaseFile: string | null; meetingId: string }
  | { type: "present"; present: number }
  | { type: "sql.started" }
  | { type: "profiled"; file: string | null }
  | { type: "sql"; statements: Statement[] }
  | { type: "stopped" }
  | { type: "error"; message: string };

import type { Statement } from "../shared/recordStatements.ts";

export type { Statement };
