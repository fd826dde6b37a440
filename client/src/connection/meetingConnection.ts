// The browser's one connection to its meeting, kept outside React: it owns the socket,
// applies the same `evolve` as the server to the events it receives, keeps the server clock
// offset, and exposes an immutable snapshot for the views.
import { io, type Socket } from "socket.io-client";
import { LiveRosterResponse } from "@core/api/liveRoster.ts";
import { expandState, rosterTag, type CompactState } from "@core/compactState.ts";
import type { CoreError } from "@core/errors.ts";
import { evolve, type Command, type StoredEvent } from "@core/meeting.ts";
import type { BallotInput, PaperBallotInput } from "@core/poll/schema.ts";
import type {
  Ack,
  BallotReceipt,
  CaucusNote,
  TalkNote,
  ClientToServerEvents,
  CommandMessage,
  GroupEntry,
  MyBallots,
  PollAudit,
  PollLiveTally,
  RecordEditor,
  ServerToClientEvents,
  SyncPayload,
  Welcome,
} from "@core/protocol.ts";
import type { MeetingState } from "@core/state.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { estimateOffset, type TimeSample } from "./clockOffset.ts";
import { newCommandId } from "./commandId.ts";
import { httpClient } from "../http/api.ts";

/** `refused`: the handshake was refused; `ended`: the server ended the connection (`connection.ended`). Both are final. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "refused" | "ended";

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** Why the server refused us (token missing/invalid/expired, not found) or ended the connection (TOO_MANY_DEVICES, NOT_FOUND when taken off the roster). */
  refusal: CoreError | null;
  welcome: Welcome | null;
  state: MeetingState | null;
  /** Add to Date.now() to get the server's clock. */
  clockOffsetMs: number;
  /** What the ballot box tells this connection about polls (never part of the event log). */
  polls: PollLive;
  /** Who is editing which note of the record now (`record.editors`; chair and clerk only). */
  editors: RecordEditor[];
}

export interface PollLive {
  /** Ballots received so far per open poll (`poll.turnout`); absent until the server says. */
  turnout: Record<string, number>;
  /** The running tally of named polls, when this person may see it (`poll.tally`). */
  tally: Record<string, PollLiveTally>;
  /** Who has voted so far per open named poll (`poll.voters`; chair and clerk only, never for secret polls). */
  voters: Record<string, string[]>;
  /** Of those, per poll, the units that voted by proxy (委托) or on paper (纸质票). */
  via: Record<string, Record<string, "proxy" | "paper">>;
  /** Per poll, the units whose proxy I hold that have voted (by my hand or on paper); `choices` only for named polls. */
  proxyMine: Record<string, Record<string, string[] | null>>;
  /** The polls I (or my household) voted in; `choices` only for named polls. */
  mine: Record<string, string[] | null>;
  /** `poll.mine` answered since the last connect. */
  mineLoaded: boolean;
}

/** Client-side failures that never reached the server. */
export type LocalErrorCode = "OFFLINE" | "TIMEOUT";
export type CommandResult = Ack | { ok: false; localError: LocalErrorCode };
export type BallotResult = Ack<BallotReceipt> | { ok: false; localError: LocalErrorCode };
export type AuditResult = Ack<PollAudit> | { ok: false; localError: LocalErrorCode };
export type CaucusResult<T> = Ack<T> | { ok: false; localError: LocalErrorCode };
export type GroupEntryResult = Ack<GroupEntry> | { ok: false; localError: LocalErrorCode };

const COMMAND_TIMEOUT_MS = 10_000;
/** How long a command without an answer waits for the connection to come back before it is given up (TIMEOUT). */
const RESEND_WAIT_MS = 30_000;
const ROSTER_RETRY_MS = 2_000;
const TIME_SAMPLES = 5;
const RESYNC_CLOCK_EVERY_MS = 60_000;
/** `groups.enter` is answered once the group's meeting exists, a moment after the opening: more room than a command. */
const GROUP_ENTRY_TIMEOUT_MS = 30_000;

export class MeetingConnection {
  private snapshot: ConnectionSnapshot = {
    status: "connecting",
    refusal: null,
    welcome: null,
    state: null,
    clockOffsetMs: 0,
    polls: { turnout: {}, tally: {}, voters: {}, via: {}, mine: {}, proxyMine: {}, mineLoaded: false },
    editors: [],
  };
  /** What this connection says it is editing in the record (sent again after a reconnect). */
  private editingKey: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  /**
   * A compact snapshot waiting for the roster its tag names (GET /api/live/roster), and the
   * events received meanwhile: applied once it is expanded. Until then the screen keeps what it
   * had (nothing on the first connect), never names or counts from another roster.
   */
  private pending: { compact: CompactState; events: StoredEvent[] } | null = null;
  /** Whether the server has greeted the current connection (its `sync` came): a resend waits for it. */
  private greeted = false;
  /** Resends waiting for the next greeting; told false when the connection ends for good. */
  private readonly greetingWaiters = new Set<(greeted: boolean) => void>();

  /** `token`: the join token, also the bearer token of the few REST calls the meeting makes (recordings). */
  /** Where the server is: `url` when given (tests, another origin), else this page's origin. */
  private readonly baseUrl: string;

  constructor(
    readonly token: string,
    url?: string,
  ) {
    this.baseUrl = url ?? "";
    const options = {
      transports: ["websocket"],
      // After a server restart everyone must be back within ~2 s of it listening (docs/performance.md):
      // socket.io's default backoff grows to 5 s between tries. A refused try costs the server nothing.
      reconnectionDelay: 500,
      reconnectionDelayMax: 1500,
      // Re-read on every (re)connect, so the server sends exactly what we missed.
      auth: (cb: (auth: object) => void) => cb({ token, lastSeq: this.snapshot.state?.seq }),
    };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on("connect", () => {
      this.update({ status: "connected", refusal: null, polls: { ...this.snapshot.polls, mineLoaded: false } });
      void this.syncClock();
      void this.loadMyBallots();
      // The server forgets a connection's editing when it goes: say it again.
      if (this.editingKey !== null) void this.sendEditing();
    });
    // After `connection.ended` the server has closed the connection for good: socket.io does not
    // reconnect after a server-side disconnect, and neither do we (no fight with the newer device).
    this.socket.on("connection.ended", (reason) => {
      this.update({ status: "ended", refusal: reason });
      this.greetingCame(false);
    });
    this.socket.on("disconnect", () => {
      this.greeted = false;
      if (this.snapshot.status !== "ended") this.update({ status: "reconnecting" });
    });
    this.socket.on("connect_error", (error: Error & { data?: CoreError }) => {
      // A refusal by the server's handshake check is final; a network error retries by itself.
      if (error.data?.code) {
        this.update({ status: "refused", refusal: error.data });
        this.greetingCame(false);
      } else this.update({ status: this.snapshot.welcome ? "reconnecting" : "connecting" });
    });
    this.socket.on("welcome", (welcome) => this.welcomed(welcome));
    this.socket.on("sync", (sync) => {
      this.applySync(sync);
      this.greeted = true;
      this.greetingCame(true);
    });
    this.socket.on("events", (events) => {
      this.applyEvents(events);
      // A poll seen opening live has no ballots yet (the server sends the turnout only after ballots).
      const opened = events.flatMap((e) => (e.event.type === "poll.opened" && !(e.event.pollId in this.snapshot.polls.turnout) ? [e.event.pollId] : []));
      if (opened.length > 0) this.updatePolls({ turnout: { ...this.snapshot.polls.turnout, ...Object.fromEntries(opened.map((id) => [id, 0])) } });
    });
    // The media server came up or went away: screens follow (and say so when it is gone).
    this.socket.on("media.status", ({ available }) => {
      if (this.snapshot.welcome) this.update({ welcome: { ...this.snapshot.welcome, media: { available } } });
    });
    this.socket.on("poll.turnout", ({ pollId, ballots }) => this.updatePolls({ turnout: { ...this.snapshot.polls.turnout, [pollId]: ballots } }));
    this.socket.on("poll.voters", ({ pollId, units, via }) =>
      this.updatePolls({ voters: { ...this.snapshot.polls.voters, [pollId]: units }, via: { ...this.snapshot.polls.via, [pollId]: via } }),
    );
    this.socket.on("poll.tally", (tally) => this.updatePolls({ tally: { ...this.snapshot.polls.tally, [tally.pollId]: tally } }));
    this.socket.on("record.editors", ({ editors }) => this.update({ editors }));
    this.clockTimer = setInterval(() => void this.syncClock(), RESYNC_CLOCK_EVERY_MS);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /**
   * Sends a command with an id of its own (`cid`); one whose answer does not come (timeout, or
   * the connection dropped: it may have been applied or not) is sent once more with the same id
   * when the connection is back, and the server answers that as it answered the first, or decides
   * it now if it never arrived (docs/protocol.md).
   */
  async send(command: Command): Promise<CommandResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    const message: CommandMessage = { ...command, cid: newCommandId() };
    return this.resendingOnce(() => this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("command", message));
  }

  /**
   * Casts a ballot (`poll.vote`); once acknowledged it is stored and counted, and remembered here
   * as mine. Resent once like a command when its answer is lost; the ballot box keeps one ballot
   * per voter, so a resend of a ballot that was stored is refused ALREADY_VOTED, which counts as voted.
   */
  async vote(ballot: BallotInput): Promise<BallotResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    const result = await this.resendingOnce(() => this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("poll.vote", ballot));
    if ("localError" in result) return result;
    if (ballot.forUnit !== undefined) {
      // A proxy ballot (委托): kept per household, beside mine; refused as the household's second ballot, it has voted too.
      if (result.ok || ("error" in result && result.error.code === "UNIT_ALREADY_VOTED"))
        this.proxyVoted(ballot.pollId, ballot.forUnit, result.ok ? ballot.choices : null);
    } else if (result.ok) {
      // A secret ballot's choices are not kept, not even on the voter's own screen.
      const secret = this.snapshot.state?.polls.find((p) => p.pollId === ballot.pollId)?.definition.secret ?? true;
      this.updatePolls({ mine: { ...this.snapshot.polls.mine, [ballot.pollId]: secret ? null : ballot.choices } });
    } else if ("error" in result && result.error.code === "ALREADY_VOTED" && !(ballot.pollId in this.snapshot.polls.mine)) {
      // Voted from another tab or before a lost acknowledgement: 已投票 (what was chosen is not known here).
      this.updatePolls({ mine: { ...this.snapshot.polls.mine, [ballot.pollId]: null } });
    }
    return result;
  }

  /** One send, and when it gets no answer, one more after the reconnect's greeting; TIMEOUT if that does not come either. */
  private async resendingOnce<R>(emit: () => Promise<R>): Promise<R | { ok: false; localError: LocalErrorCode }> {
    try {
      return await emit();
    } catch {
      // No answer: whether it was applied is not known here; the resend finds out.
    }
    if (!(await this.nextGreeting())) return { ok: false, localError: "TIMEOUT" };
    try {
      return await emit();
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** True once the server has greeted this connection (now, if it has); false when that does not happen in time or ever. */
  private nextGreeting(): Promise<boolean> {
    if (this.greeted && this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (greeted: boolean): void => {
        clearTimeout(timer);
        this.greetingWaiters.delete(done);
        resolve(greeted);
      };
      const timer = setTimeout(() => done(false), RESEND_WAIT_MS);
      this.greetingWaiters.add(done);
    });
  }

  private greetingCame(greeted: boolean): void {
    for (const waiter of [...this.greetingWaiters]) waiter(greeted);
  }

  private proxyVoted(pollId: string, unitId: string, choices: string[] | null): void {
    const secret = this.snapshot.state?.polls.find((p) => p.pollId === pollId)?.definition.secret ?? true;
    const held = { ...this.snapshot.polls.proxyMine[pollId], [unitId]: secret ? null : choices };
    this.updatePolls({ proxyMine: { ...this.snapshot.polls.proxyMine, [pollId]: held } });
  }

  /** 纸质票: the chair or the clerk enters a unit's paper ballot (`poll.paper`); acknowledged once stored. */
  async paper(ballot: PaperBallotInput): Promise<BallotResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("poll.paper", ballot);
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** A closed poll's voters and ballots (`poll.audit`). */
  async pollAudit(pollId: string): Promise<AuditResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("poll.audit", { pollId });
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /**
   * What I am editing in the record now (`speech:<id>`, `suggestion:<id>`, …; null when done):
   * the other staff see it beside the entry. Ephemeral: not a command, never in the log.
   */
  setEditing(key: string | null): void {
    if (key === this.editingKey) return;
    this.editingKey = key;
    void this.sendEditing();
  }

  private async sendEditing(): Promise<void> {
    if (!this.socket.connected) return;
    try {
      await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("record.editing", { key: this.editingKey });
    } catch {
      // Presence only: the next change (or reconnect) sends it again.
    }
  }

  /** The SDP relay (features/media); null when offline or without an answer in time. */
  async mediaRequest<T>(
    event:
      | "media.publish"
      | "media.subscribe"
      | "media.answer"
      | "media.leave"
      | "media.iceServers"
      | "media.caucusJoin"
      | "media.caucusLeave"
      | "media.talkJoin"
      | "media.talkLeave",
    payload: unknown,
  ): Promise<Ack<T> | null> {
    if (!this.socket.connected) return null;
    try {
      return await (this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck as (e: string, p: unknown) => Promise<Ack<T>>)(event, payload);
    } catch {
      return null;
    }
  }

  /**
   * 分组讨论 (`groups.enter`, on the plenary's socket): a join token for my seat in my group's
   * meeting, or with `groupId` the plenary chair's or clerk's observer seat in that group (进入小组查看).
   * The server answers once the group's meeting exists; this connection stays open meanwhile.
   */
  async groupsEnter(groupId?: string): Promise<GroupEntryResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(GROUP_ENTRY_TIMEOUT_MS).emitWithAck("groups.enter", groupId === undefined ? {} : { groupId });
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** 背靠背: a note to the own side's private consultation (`caucus.note`); acknowledged once stored. */
  async caucusNote(text: string): Promise<CaucusResult<{ note: CaucusNote }>> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("caucus.note", { text });
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** The own side's private consultation notes so far (`caucus.history`), oldest first. */
  async caucusHistory(): Promise<CaucusResult<{ notes: CaucusNote[] }>> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("caucus.history", {});
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** Called with each note of the own side's private consultation as it is written (`caucus.noted`; never in the state). */
  onCaucusNoted(listener: (note: CaucusNote) => void): () => void {
    const noted = ({ note }: { note: CaucusNote }) => listener(note);
    this.socket.on("caucus.noted", noted);
    return () => void this.socket.off("caucus.noted", noted);
  }

  /** 人民调解 背靠背: a note to the separate talk in progress (`mediation.talkNote`), or a mediator's finding (`mediation.noteFinding`). */
  async talkNote(text: string, finding?: "fact" | "option"): Promise<CaucusResult<{ note: TalkNote }>> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      const socket = this.socket.timeout(COMMAND_TIMEOUT_MS);
      return finding ? await socket.emitWithAck("mediation.noteFinding", { kind: finding, text }) : await socket.emitWithAck("mediation.talkNote", { text });
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** The separate talks' notes this person may read (`mediation.talkHistory`), oldest first. */
  async talkHistory(): Promise<CaucusResult<{ notes: TalkNote[] }>> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("mediation.talkHistory", {});
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** Called with each separate talk's note or finding this connection receives (`mediation.noted`; never in the state). */
  onTalkNoted(listener: (note: TalkNote) => void): () => void {
    const noted = ({ note }: { note: TalkNote }) => listener(note);
    this.socket.on("mediation.noted", noted);
    return () => void this.socket.off("mediation.noted", noted);
  }

  /** Called whenever the media server's feeds change (`media.feeds`). */
  onMediaFeeds(listener: () => void): () => void {
    this.socket.on("media.feeds", listener);
    return () => void this.socket.off("media.feeds", listener);
  }

  /** Called when the Janus this connection listened on went away (`media.moved`). */
  onMediaMoved(listener: () => void): () => void {
    this.socket.on("media.moved", listener);
    return () => void this.socket.off("media.moved", listener);
  }

  close(): void {
    clearInterval(this.clockTimer);
    this.pending = null;
    this.greetingCame(false);
    this.socket.disconnect();
  }

  /**
   * On every (re)connect, and again mid-session when the organisers change who I am (role, side,
   * weight…; docs/protocol.md): the views follow `welcome.me`, and a snapshot follows. With another
   * role, what only the old role was sent (live tallies, who edits the record) goes; the server
   * sends the new role's own again.
   */
  private welcomed(welcome: Welcome): void {
    const before = this.snapshot.welcome;
    if (before && before.me.role !== welcome.me.role) this.update({ welcome, editors: [], polls: { ...this.snapshot.polls, tally: {}, voters: {}, via: {} } });
    else this.update({ welcome });
  }

  private applySync(sync: SyncPayload): void {
    if (sync.kind === "events") return this.applyEvents(sync.events);
    this.pending = null;
    if (sync.kind === "snapshot") return this.update({ state: sync.state });
    // The roster I hold (fetched before, or as events changed it) is the one named: no request.
    const held = this.snapshot.state?.roster;
    if (held && rosterTag(held) === sync.state.roster.tag) return this.update({ state: expandState(sync.state, held) });
    this.pending = { compact: sync.state, events: [] };
    void this.loadRoster(this.pending);
  }

  /** Fetches the roster a compact snapshot names, then shows the snapshot and what came after it. */
  private async loadRoster(pending: NonNullable<MeetingConnection["pending"]>): Promise<void> {
    let answer: { version: string; roster: RosterEntry[] } | null = null;
    try {
      // no-cache: the browser revalidates its copy with If-None-Match (a 304 is answered from it).
      // A refusal needs no message here (it also ends the socket, which says why).
      answer = await httpClient({ token: this.token, baseUrl: this.baseUrl }).json("GET", "/api/live/roster", LiveRosterResponse);
    } catch {
      // Offline or refused: try again while this snapshot still waits (a refusal also ends the socket).
    }
    if (this.pending !== pending) return; // a newer sync took over
    if (!answer) {
      setTimeout(() => void (this.pending === pending && this.loadRoster(pending)), ROSTER_RETRY_MS);
      return;
    }
    if (answer.version !== pending.compact.roster.tag) {
      // The roster changed in between: a fresh snapshot names the new one.
      this.pending = null;
      void this.requestResync(true);
      return;
    }
    this.pending = null;
    this.update({ state: expandState(pending.compact, answer.roster) });
    this.applyEvents(pending.events);
  }

  private applyEvents(events: readonly StoredEvent[]): void {
    if (this.pending) {
      this.pending.events.push(...events);
      return;
    }
    let state = this.snapshot.state;
    if (!state) return; // the initial sync will bring everything
    for (const stored of events) {
      if (stored.seq <= state.seq) continue; // already applied
      if (stored.seq !== state.seq + 1) {
        void this.requestResync();
        break;
      }
      state = evolve(state, stored);
    }
    if (state !== this.snapshot.state) this.update({ state });
  }

  /** `whole`: a snapshot rather than the events since my state (whose roster may be outdated). */
  private async requestResync(whole = false): Promise<void> {
    try {
      const ack = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("sync.request", whole ? {} : { lastSeq: this.snapshot.state?.seq });
      if (ack.ok) this.applySync(ack.sync);
    } catch {
      // The next reconnect catches up anyway.
    }
  }

  /** After every (re)connect: which polls I voted in, so a reload still shows 已投票. */
  private async loadMyBallots(): Promise<void> {
    let ack: Ack<MyBallots> | null = null;
    try {
      ack = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("poll.mine", {});
    } catch {
      // No answer: voting stays possible (the ballot box refuses a second ballot); the next reconnect asks again.
    }
    const mine = { ...this.snapshot.polls.mine };
    const proxyMine = { ...this.snapshot.polls.proxyMine };
    for (const b of ack?.ok ? ack.ballots : []) {
      if (b.forUnit === undefined) mine[b.pollId] = b.choices;
      else proxyMine[b.pollId] = { ...proxyMine[b.pollId], [b.forUnit]: b.choices };
    }
    this.updatePolls({ mine, proxyMine, mineLoaded: true });
  }

  private updatePolls(patch: Partial<PollLive>): void {
    this.update({ polls: { ...this.snapshot.polls, ...patch } });
  }

  private async syncClock(): Promise<void> {
    const samples: TimeSample[] = [];
    try {
      for (let i = 0; i < TIME_SAMPLES && this.socket.connected; i++) {
        const sentAt = Date.now();
        const { serverTime } = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("time.sync");
        samples.push({ sentAt, serverTime, receivedAt: Date.now() });
      }
    } catch {
      // Keep the previous estimate.
    }
    if (samples.length > 0) this.update({ clockOffsetMs: estimateOffset(samples) });
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
