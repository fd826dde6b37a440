// Messages between the groups benchmark's orchestrator and its server child.
import type { Joiner } from "../shared/meeting.ts";

export type ToGroupsServer = { type: "cpu" } | { type: "stop" };

export type FromGroupsServer =
  | { type: "ready"; port: number; meetingId: string; chair: Joiner; members: Joiner[] }
  | { type: "cpu"; micros: number }
  | { type: "stopped" }
  | { type: "error"; message: string };
