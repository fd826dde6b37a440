// Integration-test harness: a real server on port 0 with a real SQLite file in a fresh temp
// folder (or, with YST_TEST_DB=postgresql, a fresh schema of the real PostgreSQL per data folder:
// the integration-pg project runs the same tests on it), and real socket.io clients that keep their state the way the browser does (apply the
// core's `evolve` to the sync snapshot/events and to every broadcast). No mocks anywhere.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { syncFor, type Audience } from "../../core/audience.ts";
import { expandState, rosterTag, type CompactState } from "../../core/compactState.ts";
import type { CoreError } from "../../core/errors.ts";
import { evolve, replay, type StoredEvent } from "../../core/meeting.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents, SyncPayload, Welcome } from "../../core/protocol.ts";
import type { Role } from "../../core/roles.ts";
import type { MeetingState } from "../../core/state.ts";
import type { RosterEntry } from "../../core/config/schema.ts";
import { roomLinkSubject, type RoomLinkKind } from "../../core/venue/roomLinks.ts";
import { loadConfig, type Config } from "../../server/src/config/config.ts";
import { createServer, type YishitingServer } from "../../server/src/server.ts";
import { freshSchema, PG_TEST_URL, withSchema } from "../postgres.ts";

export const TEST_SECRET = "test-secret-integration-3f9c";
const WAIT_MS = 5_000;
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** Which database the servers use: SQLite files unless YST_TEST_DB=postgresql (read when used: a worker may run files of either project). */
const onPostgres = (): boolean => process.env.YST_TEST_DB === "postgresql";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LogEntry {
  message: string;
  error: unknown;
}

export interface TestServer {
  server: YishitingServer;
  config: Config;
  port: number;
  url: string;
  dataDir: string;
  /** The database settings it was started with (none for its SQLite file): a command run over the same data needs them too. */
  databaseEnv: Record<string, string>;
  /** Everything the server logged (handshake failures, INTERNAL errors, …). */
  logs: LogEntry[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data folder (restart recovery); a fresh temp folder otherwise. */
  dataDir?: string;
  now?: () => number;
  secret?: string;
  /** Open the database and services without listening (to prepare a file for a child process). */
  listen?: boolean;
  /**
   * How long a participant may be disconnected before `attendance.left`
   * (YST_PRESENCE_GRACE_SECONDS); the server's default (20 s) unless given.
   */
  presenceGraceSeconds?: number;
  /** Further environment variables for `loadConfig`. */
  env?: Record<string, string>;
}

export interface CreateMeetingOptions {
  /** Open the meeting (meeting.open by its chair, through the room actor) right away. */
  open?: boolean;
}

/** The test meeting: a chair, two members, a clerk and an observer, each with a join token. */
export interface TestMeeting {
  meetingId: string;
  title: string;
  people: Record<PersonKey, RosterEntry>;
  tokens: Record<PersonKey, string>;
}

export type PersonKey = "chair" | "member1" | "member2" | "clerk" | "observer";

const ROSTER: readonly { key: PersonKey; name: string; role: Role }[] = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "李帅国", role: "member" },
  { key: "member2", name: "刘凯", role: "member" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "observer", name: "王旁听", role: "observer" },
];

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal (SIGKILL unless told) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface TestClient {
  socket: ClientSocket;
  welcome: Welcome;
  /** The first sync payload received on connect. */
  firstSync: SyncPayload;
  /** Every sync payload received (connect and sync.request answers). */
  syncs: SyncPayload[];
  /** Every 'events' broadcast, batch by batch, in arrival order. */
  broadcasts: StoredEvent[][];
  /** The state as the browser would keep it. */
  readonly state: MeetingState;
  /** Problems seen while applying events (gaps); must stay empty. */
  problems: string[];
  /** Resolves once the client's state has reached `seq`. */
  waitForSeq(seq: number, timeoutMs?: number): Promise<MeetingState>;
  close(): void;
}

export interface ConnectOptions {
  lastSeq?: number;
  /** Raw handshake auth (overrides token/lastSeq), for refusal tests. */
  auth?: Record<string, unknown>;
  /**
   * Like the browser: the handshake re-reads `lastSeq` from the client's own state on every
   * (re)connect, so `socket.connect()` after a drop resumes where the client left off.
   */
  resume?: boolean;
  /**
   * The state a returning client still holds: it connects with `lastSeq = resumeFrom.seq` and
   * applies the catch-up events on top of it, as the browser does after a reload-free reconnect.
   */
  resumeFrom?: MeetingState;
  /**
   * Like the browser behind a load balancer: after a dropped transport, socket.io reconnects by
   * itself (quickly, for tests) with `lastSeq` from the client's own state (implies `resume`).
   */
  reconnect?: boolean;
}

/** Creates and tracks servers, clients and temp folders; `cleanup()` in afterEach releases all. */
export class Harness {
  private readonly servers: TestServer[] = [];
  private readonly sockets: ClientSocket[] = [];
  private readonly dirs: string[] = [];
  private readonly cleanups: (() => unknown)[] = [];
  private readonly finalCleanups: (() => unknown)[] = [];
  /** On PostgreSQL: each data folder's schema, so a restart over the same folder finds its data. */
  private readonly schemas = new Map<string, Awaited<ReturnType<typeof freshSchema>>>();

  tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-int-"));
    this.dirs.push(dir);
    return dir;
  }

  /** Registers extra clean-up work (child processes, raw sockets, database handles). */
  onCleanup(fn: () => unknown): void {
    this.cleanups.push(fn);
  }

  /** Registers clean-up work that must wait until the servers are closed (dropping a database they use). */
  afterServers(fn: () => unknown): void {
    this.finalCleanups.push(fn);
  }

  /** The database settings of a server over `dataDir`: none (its SQLite file) or its PostgreSQL schema. */
  async databaseEnv(dataDir: string): Promise<Record<string, string>> {
    if (!onPostgres()) return {};
    let schema = this.schemas.get(dataDir);
    if (!schema) {
      schema = await freshSchema();
      this.schemas.set(dataDir, schema);
    }
    return { YST_DATABASE_URL: withSchema(PG_TEST_URL, schema.name) };
  }

  async startServer(options: StartOptions = {}): Promise<TestServer> {
    const dataDir = options.dataDir ?? this.tempDir();
    const databaseEnv = await this.databaseEnv(dataDir);
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      YST_DATA_DIR: dataDir,
      ...databaseEnv,
      YST_TOKEN_SECRET: options.secret ?? TEST_SECRET,
      YST_DEMO: "off",
      ...(options.presenceGraceSeconds === undefined ? {} : { YST_PRESENCE_GRACE_SECONDS: String(options.presenceGraceSeconds) }),
      ...options.env,
    });
    const logs: LogEntry[] = [];
    const server = await createServer(config, {
      ...(options.now ? { now: options.now } : {}),
      log: (message, error) => logs.push({ message, error }),
    });
    const port = options.listen === false ? 0 : await server.listen();
    let closed: Promise<void> | undefined;
    const test: TestServer = {
      server,
      config,
      port,
      url: `http://127.0.0.1:${port}`,
      dataDir,
      databaseEnv: { ...databaseEnv, ...pick(options.env, "YST_DATABASE_URL") },
      logs,
      close: () => (closed ??= server.close()),
    };
    this.servers.push(test);
    return test;
  }

  /**
   * A meeting with the test roster and a join token per person. Its room is not opened (no
   * events) unless `open` is set: then the log starts with the configuration sync (roster.set)
   * and meeting.opened.
   */
  async createMeeting(server: YishitingServer, title = "区政协双周协商座谈会（测试）", options: CreateMeetingOptions = {}): Promise<TestMeeting> {
    const { meeting, participants } = await server.meetings.create(
      title,
      ROSTER.map(({ name, role }) => ({ name, role })),
    );
    const people = {} as Record<PersonKey, RosterEntry>;
    const tokens = {} as Record<PersonKey, string>;
    for (const [i, entry] of ROSTER.entries()) {
      const p = participants[i]!;
      people[entry.key] = p;
      tokens[entry.key] = await server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role });
    }
    const created = { meetingId: meeting.id, title, people, tokens };
    if (options.open) await openMeeting(server, created);
    return created;
  }

  /**
   * A token of the room display (大屏; read-only, not counted in attendance) or of the venue
   * terminal (会场终端, also publishes the room), of the first version (no re-issue yet).
   */
  displayToken(server: YishitingServer, meetingId: string, kind: RoomLinkKind = "display"): Promise<string> {
    return server.tokens.issue({ participantId: roomLinkSubject(kind, meetingId), meetingId, role: "observer" });
  }

  /** A raw socket.io client (websocket only, no automatic reconnection unless asked), not yet waited on. */
  socket(url: string, auth: Record<string, unknown>, autoConnect = true, reconnection = false): ClientSocket {
    const socket: ClientSocket = io(url, {
      transports: ["websocket"],
      reconnection,
      ...(reconnection ? { reconnectionDelay: 100, reconnectionDelayMax: 500 } : {}),
      forceNew: true,
      auth,
      autoConnect,
    });
    this.sockets.push(socket);
    return socket;
  }

  /** Connects and resolves after 'welcome' and the first 'sync'. */
  async connect(url: string, token: string, options: ConnectOptions = {}): Promise<TestClient> {
    const lastSeq = options.resumeFrom?.seq ?? options.lastSeq;
    const auth = options.auth ?? (lastSeq === undefined ? { token } : { token, lastSeq });
    const resume = options.resume === true || options.reconnect === true;
    const socket = this.socket(url, auth, !resume, options.reconnect === true);
    const connected = attachClient(socket, options.resumeFrom, (tag) => fetchRoster(url, String(auth.token), tag));
    if (resume) {
      socket.auth = (cb) => cb(seqOf(socket) === undefined ? { token } : { token, lastSeq: seqOf(socket) });
      socket.connect();
    }
    return connected;
  }

  /** Connects expecting a handshake refusal; resolves with the error the server sent. */
  async connectRefused(url: string, auth: Record<string, unknown>): Promise<CoreError> {
    const socket = this.socket(url, auth);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no connect_error within timeout")), WAIT_MS);
      socket.on("connect", () => {
        clearTimeout(timer);
        reject(new Error("connection was accepted"));
      });
      socket.on("connect_error", (error: Error & { data?: CoreError }) => {
        clearTimeout(timer);
        if (!error.data) reject(new Error(`connect_error without data: ${error.message}`));
        else resolve(error.data);
      });
    });
  }

  /**
   * Starts the real entry point (`server/src/main.ts`) as a child process on port 0 over
   * `dataDir`, and resolves once it prints the port it listens on.
   */
  async spawnServer(dataDir: string, secret = TEST_SECRET, env: Record<string, string> = {}): Promise<ServerProcess> {
    const database = await this.databaseEnv(dataDir);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "server/src/main.ts")], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        YST_DATA_DIR: dataDir,
        YST_TOKEN_SECRET: secret,
        YST_DEMO: "off",
        YST_MEDIA: "off",
        ...database,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    this.onCleanup(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server process did not start:\n${stdout}\n${stderr}`)), 20_000);
      const onData = () => {
        const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(Number(match[1]));
      };
      child.stdout!.on("data", onData);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server process exited (${code ?? signal}) before listening:\n${stdout}\n${stderr}`));
      });
    });
    return {
      child,
      port,
      url: `http://127.0.0.1:${port}`,
      output: () => stdout + stderr,
      exited,
      kill: async (signal = "SIGKILL") => {
        child.kill(signal);
        return exited;
      },
    };
  }

  async cleanup(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
    for (const fn of this.cleanups.splice(0).reverse()) await fn();
    await Promise.all(this.servers.splice(0).map((s) => s.close()));
    for (const schema of this.schemas.values()) await schema.drop();
    this.schemas.clear();
    for (const fn of this.finalCleanups.splice(0)) await fn();
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const clientSeqs = new WeakMap<ClientSocket, () => number | undefined>();
const seqOf = (socket: ClientSocket): number | undefined => clientSeqs.get(socket)?.();

/**
 * What a client of `audience` holds after a snapshot of `state`: the staff the state itself;
 * the others the compact snapshot expanded with the roster (core/compactState.ts: without when
 * each attendance began, and the attendance log only where the record shows it).
 */
export function received(state: MeetingState, audience: Audience): MeetingState {
  const sync = syncFor({ kind: "snapshot", state }, audience, state);
  if (sync.kind === "events") throw new Error("a snapshot became events");
  return sync.kind === "snapshot" ? sync.state : expandState(sync.state, state.roster);
}

/** The live roster as the browser fetches it for a compact snapshot (GET /api/live/roster); null when another one is current. */
async function fetchRoster(url: string, token: string, tag: string): Promise<RosterEntry[] | null> {
  const response = await fetch(`${url}/api/live/roster`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/live/roster: ${response.status}`);
  const body = (await response.json()) as { version: string; roster: RosterEntry[] };
  return body.version === tag ? body.roster : null;
}

function attachClient(socket: ClientSocket, base: MeetingState | undefined, roster: (tag: string) => Promise<RosterEntry[] | null>): Promise<TestClient> {
  let state: MeetingState | null = base ?? null;
  // A compact snapshot waiting for its roster, and the events received meanwhile (as the browser).
  let pending: { compact: CompactState; events: StoredEvent[] } | null = null;
  clientSeqs.set(socket, () => state?.seq);
  let welcome: Welcome | null = null;
  let firstSync: SyncPayload | null = null;
  const syncs: SyncPayload[] = [];
  const broadcasts: StoredEvent[][] = [];
  const problems: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const applyEvents = (events: readonly StoredEvent[]) => {
    if (pending) {
      pending.events.push(...events);
      return;
    }
    if (!state) {
      problems.push(`events before the first sync: ${events.map((e) => e.seq).join(",")} (after ${syncs.length} syncs)`);
      return;
    }
    for (const stored of events) {
      if (stored.seq <= state.seq) continue; // already applied (the browser skips these too)
      if (stored.seq !== state.seq + 1) {
        problems.push(`gap: at seq ${state.seq}, received ${stored.seq}`);
        return;
      }
      state = evolve(state, stored);
    }
  };
  const applySync = (sync: SyncPayload) => {
    syncs.push(sync);
    if (sync.kind !== "events") pending = null;
    // The roster the client holds is the one named: expanded at once, as the browser does.
    if (sync.kind === "compact" && state && rosterTag(state.roster) === sync.state.roster.tag) state = expandState(sync.state, state.roster);
    else if (sync.kind === "compact") {
      const waiting = (pending = { compact: sync.state, events: [] });
      roster(sync.state.roster.tag).then(
        (entries) => {
          if (pending !== waiting) return;
          pending = null;
          if (!entries) return void problems.push(`the live roster is not the one snapshot ${waiting.compact.seq} names`);
          state = expandState(waiting.compact, entries);
          applyEvents(waiting.events);
          notify();
        },
        (error: unknown) => void problems.push(String(error)),
      );
    } else if (sync.kind === "snapshot") state = sync.state;
    else if (state) applyEvents(sync.events);
    else if (sync.events[0]?.seq === 1)
      state = replay(sync.events); // a lastSeq of 0: the whole log
    else problems.push("catch-up events without a state to apply them to (use resumeFrom)");
  };

  // Listeners before the connection is up, so nothing can slip past.
  socket.on("welcome", (w) => {
    welcome = w;
    notify();
  });
  socket.on("sync", (sync) => {
    firstSync ??= sync;
    applySync(sync);
    notify();
  });
  socket.on("events", (events) => {
    broadcasts.push(events);
    applyEvents(events);
    notify();
  });

  const client: TestClient = {
    socket,
    get welcome() {
      return welcome!;
    },
    get firstSync() {
      return firstSync!;
    },
    syncs,
    broadcasts,
    get state() {
      if (!state) throw new Error("no state yet");
      return state;
    },
    problems,
    waitForSeq: (seq, timeoutMs = WAIT_MS) =>
      waitFor(
        () => (state && state.seq >= seq ? state : undefined),
        waiters,
        timeoutMs,
        () => `client never reached seq ${seq} (at ${state?.seq})`,
      ),
    close: () => socket.disconnect(),
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no welcome+sync within timeout")), WAIT_MS);
    socket.on("connect_error", (error: Error & { data?: CoreError }) => {
      clearTimeout(timer);
      reject(new Error(`connection refused: ${error.data?.code ?? error.message}`));
    });
    const check = () => {
      // Resolved once the first snapshot is usable (a compact one with its roster).
      if (welcome && firstSync && !pending) {
        clearTimeout(timer);
        waiters.delete(check);
        resolve(client);
      }
    };
    waiters.add(check);
  });
}

function waitFor<T>(probe: () => T | undefined, waiters: Set<() => void>, timeoutMs: number, describe: () => string): Promise<T> {
  const found = probe();
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(value);
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(describe()));
    }, timeoutMs);
    waiters.add(check);
  });
}

/**
 * Sends a command and resolves with the server's acknowledgement. A command object gets a fresh
 * command id (`cid`) as the browser's do, unless it brings its own (a test of resends).
 */
export function send(client: TestClient | ClientSocket, command: unknown, timeoutMs = WAIT_MS): Promise<Ack> {
  const socket = "socket" in client ? client.socket : client;
  const message =
    typeof command === "object" && command !== null && !Array.isArray(command) && !("cid" in command) ? { ...command, cid: randomUUID() } : command;
  return socket.timeout(timeoutMs).emitWithAck("command", message);
}

/** Collects 'events' broadcasts from now on (independent of the client's own bookkeeping). */
export function collectEvents(client: TestClient | ClientSocket): { batches: StoredEvent[][]; events(): StoredEvent[]; stop(): void } {
  const socket = "socket" in client ? client.socket : client;
  const batches: StoredEvent[][] = [];
  const listener = (events: StoredEvent[]) => batches.push(events);
  socket.on("events", listener);
  return { batches, events: () => batches.flat(), stop: () => void socket.off("events", listener) };
}

/** The meeting as the database holds it: the event log, and the state replayed from it. */
export async function persisted(server: YishitingServer, meetingId: string): Promise<{ events: StoredEvent[]; state: MeetingState }> {
  const events = await server.store.load(meetingId);
  return { events, state: replay(events) };
}

/** Opens the meeting as its chair (meeting.open through the room actor); resolves with the seq after it. */
export async function openMeeting(server: YishitingServer, meeting: TestMeeting): Promise<number> {
  const room = await server.rooms.get(meeting.meetingId);
  const result = await room.submit({ participantId: meeting.people.chair.id, role: "chair" }, { type: "meeting.open" });
  if (!result.ok) throw new Error(`meeting.open refused: ${result.error.code}`);
  return result.value.seq;
}

/**
 * Waits until presence has settled: every connected participant client (not the room display)
 * is present in the attendance record — as every given client and, with `server`, the room
 * itself see it — and every client has caught up with the same seq. After this, nothing is in
 * flight for these connections, so a test can expect exact broadcasts or none. Resolves with
 * that seq.
 */
export async function settle(clients: readonly TestClient[], server?: YishitingServer, timeoutMs = WAIT_MS): Promise<number> {
  const live = clients.filter((c) => c.socket.connected);
  if (live.length === 0) throw new Error("settle: no connected clients");
  const meetingId = live[0]!.welcome.meeting.id;
  if (live.some((c) => c.welcome.meeting.id !== meetingId)) throw new Error("settle: clients of different meetings");
  const ids = [...new Set(live.filter((c) => !c.welcome.display).map((c) => c.welcome.me.id))];
  const allPresent = (state: MeetingState) => ids.every((id) => state.attendance[id]?.status === "present");
  return eventually(async () => {
    const seq = server ? (await server.rooms.get(meetingId)).current.seq : Math.max(...live.map((c) => c.state.seq));
    if (server && !allPresent((await server.rooms.get(meetingId)).current)) throw new Error(`settle: not everyone is present yet`);
    for (const c of live) {
      if (c.problems.length) throw new Error(`settle: client problems: ${c.problems.join("; ")}`);
      if (c.state.seq !== seq || !allPresent(c.state)) throw new Error(`settle: client at seq ${c.state.seq}, want ${seq} with everyone present`);
    }
    return seq;
  }, timeoutMs);
}

/** Resolves once the socket is disconnected, with the reason socket.io gave. */
export function disconnected(socket: ClientSocket, timeoutMs = WAIT_MS): Promise<string> {
  if (socket.disconnected) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not disconnect")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (which throws, e.g. a failing expect) until it passes or the time runs out. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

/** The entries of `env` named, when it has them. */
function pick(env: Record<string, string> | undefined, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env?.[name] === undefined ? [] : [[name, env[name]]])));
}

/** An open meeting with the chair and two members connected and present; `base` is the seq then. */
export async function threeConnected(
  h: Harness,
): Promise<{ srv: TestServer; meeting: TestMeeting; chair: TestClient; m1: TestClient; m2: TestClient; base: number }> {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, undefined, { open: true });
  const [chair, m1, m2] = await Promise.all([
    h.connect(srv.url, meeting.tokens.chair),
    h.connect(srv.url, meeting.tokens.member1),
    h.connect(srv.url, meeting.tokens.member2),
  ]);
  const base = await settle([chair, m1, m2], srv.server);
  return { srv, meeting, chair, m1, m2, base };
}
