// The Prometheus metrics of one server instance (prom-client), in their own registry: several
// servers in one process (the tests) never share or clash. The process's own metrics (CPU, memory,
// event loop, GC) describe the process, not a server: they live in one registry per process,
// made on the first scrape, and every server's /metrics appends them. docs/operations.md lists them.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const PREFIX = "yst_";

/** What the gauges read when scraped. */
export interface MetricSources {
  /** Participants connected to this node now (distinct people per meeting; the room's screens not counted). */
  connectedParticipants(): number;
  /** Meetings open with their room loaded on this node. */
  liveMeetings(): number;
}

/** Each Janus instance (origin, edge-1 …) and whether it is up. */
export type JanusSource = () => { instance: string; up: boolean }[];

/** How a command ended: decided (events appended or nothing to do), refused with a code, or failed (INTERNAL). */
export type CommandOutcome = "ok" | "refused" | "error";

export class ServerMetrics {
  readonly registry = new Registry();
  /** Seconds from a command's arrival at the gateway to its acknowledgement, by command type and outcome. */
  readonly commandDuration: Histogram<"type" | "outcome">;
  /** Seconds each append of a batch of events to the meeting log takes (one transaction). */
  readonly eventAppendDuration: Histogram;
  /** Ballots written to the ballot store since start, by outcome (a first ballot, or a changed named one); no voter, no poll. */
  readonly ballotsStored: Counter<"outcome">;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    new Gauge({
      name: `${PREFIX}connected_participants`,
      help: "Participants connected to this node now (distinct people per meeting; the room's screens not counted)",
      registers,
      collect() {
        this.set(sources.connectedParticipants());
      },
    });
    new Gauge({
      name: `${PREFIX}meetings_live`,
      help: "Meetings open (status open) with their room loaded on this node",
      registers,
      collect() {
        this.set(sources.liveMeetings());
      },
    });
    this.commandDuration = new Histogram({
      name: `${PREFIX}command_duration_seconds`,
      help: "Time from a socket command's arrival to its acknowledgement (decided, persisted), by command type and outcome",
      labelNames: ["type", "outcome"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.eventAppendDuration = new Histogram({
      name: `${PREFIX}event_append_duration_seconds`,
      help: "Time of each append of a batch of events to the meeting log (one database transaction)",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.ballotsStored = new Counter({
      name: `${PREFIX}ballots_stored_total`,
      help: "Ballots stored by this node since it started (outcome: stored = a unit's ballot, changed = a named ballot changed); never per voter or poll",
      labelNames: ["outcome"],
      registers,
    });
    // Present from the start (at 0), so a dashboard's rate() has a series before the first ballot.
    this.ballotsStored.inc({ outcome: "stored" }, 0);
    this.ballotsStored.inc({ outcome: "changed" }, 0);
  }

  readonly contentType = this.registry.contentType;

  /** Janus health, once the media plane exists and only when media is configured (a Janus to talk to). */
  watchJanus(janus: JanusSource): void {
    new Gauge({
      name: `${PREFIX}janus_up`,
      help: "1 while the Janus instance answers, 0 while it is starting, restarting or gone (only when media is configured)",
      labelNames: ["instance"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { instance, up } of janus()) this.set({ instance }, up ? 1 : 0);
      },
    });
  }

  /** The exposition text: this server's metrics, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processRegistry().metrics()}`;
  }
}

let processMetrics: Registry | undefined;

/** The process's default metrics (yst_process_*, yst_nodejs_*), collected from the first scrape on. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: PREFIX });
  }
  return processMetrics;
}
