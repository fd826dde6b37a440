// Messages between the groups benchmark's orchestrator and its server child.
import type { Joiner } from "../shared/meeting.ts";

export type ToGroupsServer = { type: "stop" };

export type FromGroupsServer =
  { type: "ready"; port: number; meetingId: string; chair: Joiner; members: Joiner[] } | { type: "stopped" } | { type: "error"; message: string };
