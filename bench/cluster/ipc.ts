// Messages between the cluster benchmarks' orchestrator (run.ts) and its node children.
import type { MemorySample } from "../fanout/ipc.ts";
import type { BenchMeeting } from "../shared/meeting.ts";

/** Orchestrator → node. */
export type ToNode = { type: "memory" } | { type: "owns"; meetingId: string } | { type: "stop" };

/** Node → orchestrator. `meeting`: the benchmark meeting, made by the one node asked to make it. */
export type FromNode =
  | { type: "ready"; port: number; meeting: BenchMeeting | null }
  | ({ type: "memory" } & MemorySample)
  | { type: "owns"; owns: boolean }
  | { type: "stopped" }
  | { type: "error"; message: string };
