// Messages between the join-storm orchestrator (run.ts), its server children and its load generator.
import type { Joiner } from "../shared/meeting.ts";

export type ServerKind = "yishiting" | "baseline";

/** One meeting as the load generator sees it: whom to connect, with which tokens. */
export interface MeetingTokens {
  meetingId: string;
  chair: Joiner | null;
  members: Joiner[];
}

/** What the baseline server does (it is told before it listens). */
export interface BaselineSetup {
  /** 0: a free port; else the port to listen on again after a kill -9. */
  port: number;
  /** Bytes of the `sync` packet to send to member i (the same as Yishiting sent to its member i). */
  syncBytes: number[];
  /** Meetings × members of the multi-meeting case (each meeting: a chair and its members). */
  meetings: number;
  membersPerMeeting: number;
}

/** The server side of a measured window (the Yishiting child's probe; the baseline reports CPU only). */
export interface ProbeResult {
  wallMs: number;
  /** process.cpuUsage() user + system over the window, ms. */
  cpuMs: number;
  /** Event-loop delay (perf_hooks.monitorEventLoopDelay), ms. */
  loopDelay: { p50: number; p99: number; max: number };
  /**
   * Times the event loop did not turn for more than 50 ms: start offset in the window, length, and
   * the process's CPU time meanwhile (about the length: the server was busy; much less: the machine
   * gave the CPU to other processes).
   */
  stalls: { startMs: number; ms: number; cpuMs: number }[];
  /** Garbage collections in the window (PerformanceObserver "gc"). */
  gc: { count: number; totalMs: number; maxMs: number };
  /** Appends to the event log (EventStore.append), call → resolved: waiting for the connection included. */
  appendMs: number[];
  /** SQLite transactions, BEGIN → COMMIT done (the connection is held, nobody else can write), with their statement counts. */
  transactions: { startMs: number; holdMs: number; commitMs: number; statements: number }[];
  /** Archive reindexes (ArchiveIndex.reindex), start offset in the window and duration. */
  reindexes: { startMs: number; ms: number }[];
  /** Statements prepared in the window, by their first words. */
  statements: Record<string, number>;
  /** The .cpuprofile written (BENCH_PROFILE_DIR), if any. */
  profile: string | null;
}

/** Orchestrator → server child. */
export type ToServer =
  | ({ type: "configure" } & BaselineSetup)
  /** Who is present in the meeting and its seq. */
  | { type: "present"; meetingId: string }
  /** The events of the log after `afterSeq`, counted (Yishiting). */
  | { type: "log"; meetingId: string; afterSeq: number }
  | { type: "probe.start"; name: string }
  | { type: "probe.stop" }
  | { type: "stop" };

/** Server child → orchestrator. */
export type FromServer =
  | {
      type: "ready";
      port: number;
      /** Wall-clock time (ms since the epoch) the server was listening. */
      listeningAt: number;
      /** Process start → listening, ms. */
      startMs: number;
      meetings: MeetingTokens[];
      dataDir: string;
      secret: string;
      /** SQLite settings of the server's connection (Yishiting). */
      pragmas: Record<string, string>;
    }
  | { type: "present"; present: number; seq: number }
  | { type: "log"; types: Record<string, number>; left: number; excused: number; arrived: number }
  | ({ type: "probe" } & ProbeResult)
  | { type: "stopped" }
  | { type: "error"; message: string };

/** How a client tries again after its connection dropped. */
export type ReconnectPolicy =
  /** A fixed delay drawn uniformly from [min, max] ms before each attempt: measures the server, not the client's wait. */
  | { kind: "fixed"; minMs: number; maxMs: number }
  /** socket.io-client's defaults, as the browser client uses them: 1 s × 2^attempt, ± 50 %, at most 5 s. */
  | { kind: "socketio" };

export interface StormSamples {
  /** Per member, in member order: first connect attempt → its `sync`, ms. */
  connectToSync: number[];
  /** Per member: WebSocket open (upgrade done) → its `sync`, ms. */
  openToSync: number[];
  /** Per member: bytes of its first `sync` packet. */
  syncBytes: number[];
  /** Bytes of the first and the last `sync` packet of the storm, in the order they arrived. */
  firstBytes: number;
  lastBytes: number;
  /** First connect → last member has its `sync`, ms. */
  totalMs: number;
  /** Connection attempts that failed before the member had its state (each retried). */
  failures: number;
}

export interface RecoverySamples {
  /** Per client (chairs first, then members in order): server listening → its catch-up `sync`, ms. */
  fromListening: number[];
  /** Per client: its successful attempt's connect → `sync`, ms (the server's part). */
  connectToSync: number[];
  /** Per client: attempts until it was back. */
  attempts: number[];
  /** Per member (member order): bytes of its catch-up `sync`. */
  syncBytes: number[];
  /** Of the catch-ups: how many were events (the rest snapshots). */
  eventCatchUps: number;
  /** Clients still not back when the time ran out. */
  missing: number;
  /** What one member (the observer) received from its catch-up on until everyone was back, by event type. */
  observed: Record<string, number>;
  /** Participants the observer saw marked absent (attendance.left) in that time. */
  observedLeft: number;
}

export interface RunSamples {
  /** Per command: chair's send → ack, ms. */
  ack: number[];
  /** Per command: send time since the window started, ms (to see when the slow ones happened). */
  sentAt: number[];
  refused: Record<string, number>;
  /** Commands not acknowledged within the time limit. */
  missing: number;
}

/** Orchestrator → load generator. */
export type ToLoad =
  /** Connect these meetings' chairs or members, at most `concurrency` handshakes at a time. */
  | { type: "join"; target: ServerKind; port: number; meetings: MeetingTokens[]; who: "chairs" | "members"; concurrency: number; timeoutMs: number }
  /** All members of meeting 0 connect at once (reconnect policy for the ones that fail). */
  | { type: "storm"; target: ServerKind; port: number; meeting: MeetingTokens; policy: ReconnectPolicy; timeoutMs: number }
  /** Commands in order; `who`: the chair or member i of the meeting. */
  | { type: "commands"; target: ServerKind; commands: { meeting: number; who: "chair" | number; command: object }[]; timeoutMs: number }
  /** From now on every client of the target reconnects when its connection drops, with auth.lastSeq. */
  | { type: "arm"; target: ServerKind; policy: ReconnectPolicy }
  /** Wait until every armed client is back (its catch-up `sync`). */
  | { type: "recover"; target: ServerKind; listeningAt: number; timeoutMs: number }
  /** Every chair sends queue.move at `ratePerChair` per second for `durationMs` (open loop). */
  | { type: "run"; target: ServerKind; durationMs: number; ratePerChair: number; timeoutMs: number }
  | { type: "close"; target: ServerKind };

/** Load generator → orchestrator. */
export type FromLoad =
  | { type: "joined"; target: ServerKind; ms: number }
  | { type: "stormed"; target: ServerKind; samples: StormSamples; gaps: number; duplicates: number }
  | { type: "commanded"; target: ServerKind; seq: number }
  | { type: "armed"; target: ServerKind; clients: number; unknownSeq: number }
  | { type: "recovered"; target: ServerKind; samples: RecoverySamples; gaps: number; duplicates: number }
  | { type: "ran"; target: ServerKind; samples: RunSamples; loadCpuMs: number }
  | { type: "closed"; target: ServerKind }
  | { type: "error"; message: string };
