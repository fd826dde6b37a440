// The socket protocol shared by server and browser (documented in docs/protocol.md).
import type { CompactState } from "./compactState.ts";
import { fail, ok, type CoreError, type Result } from "./errors.ts";
import { parseCommand, type Command, type StoredEvent } from "./meeting.ts";
import type { MeetingState } from "./state.ts";
import type { RosterEntry } from "./config/schema.ts";
import type { Side } from "./bargaining/schema.ts";

export interface MeetingInfo {
  id: string;
  title: string;
  /** 文号 */
  number: string | null;
  kind: string;
  place: string | null;
  startsAt: number | null;
  mode: string;
}

export interface Welcome {
  meeting: MeetingInfo;
  /** Who this connection is; for the room display a pseudo participant. */
  me: RosterEntry;
  /** The room display (大屏) or the venue terminal: read-only, sends no commands. */
  display: boolean;
  /** The venue terminal (会场终端, its own link): a display that publishes the room's microphone and camera. */
  venue: boolean;
  /** Whether audio and video are available in this meeting (the media server is up). */
  media: { available: boolean };
}

/**
 * What a (re)connecting client receives: the events it missed, or the whole state — in full for
 * the chair and the clerk, compact for everyone else (without the roster: core/compactState.ts).
 */
export type SyncPayload = { kind: "events"; events: StoredEvent[] } | { kind: "snapshot"; state: MeetingState } | { kind: "compact"; state: CompactState };

export type Ack<T = { seq: number }> = ({ ok: true } & T) | { ok: false; error: CoreError };

/**
 * The `command` message: a command with, beside its `type`, the sender's command id `cid` — made
 * once per command (a random UUID) and sent again unchanged when the command is resent after a
 * lost acknowledgement, so the meeting applies it once and answers the resend as it answered the
 * first (docs/protocol.md). Without a `cid` a command is decided on every send.
 */
export type CommandMessage = Command & { cid?: string };

/** A command id: 8 to 64 letters, digits and dashes (a UUID). */
const COMMAND_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Parses an untrusted `command` message: the command, and its id when it has one; VALIDATION otherwise. */
export function parseCommandMessage(input: unknown): Result<{ command: Command; cid: string | undefined }> {
  if (typeof input !== "object" || input === null || !Object.hasOwn(input, "cid")) {
    const command = parseCommand(input);
    return command.ok ? ok({ command: command.value, cid: undefined }) : command;
  }
  const { cid, ...rest } = input as { cid: unknown };
  if (typeof cid !== "string" || !COMMAND_ID.test(cid)) return fail("VALIDATION", ["cid: 8 to 64 letters, digits or dashes"]);
  const command = parseCommand(rest);
  return command.ok ? ok({ command: command.value, cid }) : command;
}

/** Sent by the client in the socket.io handshake `auth` field. */
export interface HandshakeAuth {
  token: string;
  /** The last sequence number this client applied; omitted on first connect. */
  lastSeq?: number;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  sync: (sync: SyncPayload) => void;
  events: (events: StoredEvent[]) => void;
  /** Audio/video became available or unavailable (Janus up, restarting, gone); re-negotiate when it comes back. */
  "media.status": (status: MediaStatusPayload) => void;
  /** An audible participant's feed came up or went away: listeners send `media.subscribe` again (one on the audio mix may keep it). */
  "media.feeds": () => void;
  /** The Janus this connection listened on (an edge) went away: send `media.subscribe` again, whatever it listened to. */
  "media.moved": () => void;
  /** How many ballots an open poll has received (throttled; never who or what). */
  "poll.turnout": (turnout: PollTurnout) => void;
  /** Who has voted in an open named poll (voting units), to the staff only; never for a secret poll. */
  "poll.voters": (voters: PollVoters) => void;
  /** The running tally of a named poll, to those its tallyVisibility allows (throttled). */
  "poll.tally": (tally: PollLiveTally) => void;
  /** Who is editing which note of the record now (chair and clerk connections only; not in the log). */
  "record.editors": (editors: RecordEditors) => void;
  /** A note of the own side's private consultation (背靠背): to that side's members only, never logged. */
  "caucus.noted": (noted: { note: CaucusNote }) => void;
  /** 人民调解 背靠背: a separate talk's note (to the mediators and that party) or a finding (to the mediators); never logged. */
  "mediation.noted": (noted: { note: TalkNote }) => void;
  /**
   * The server ends this connection, and says why just before (TOO_MANY_DEVICES: the same link
   * connected on a further device; NOT_FOUND: taken off the roster). Final: the client shows it
   * and does not reconnect.
   */
  "connection.ended": (reason: CoreError) => void;
}

/**
 * What a chair or clerk is editing in the record: the key of an entry's summary
 * (`speech:<id>`, `interjection:<id>`, `written:<id>`) or of a note (`suggestion:<id>`,
 * `decision:<id>`); null when done. Ephemeral: never in the meeting's log.
 */
export interface RecordEditingRequest {
  key: string | null;
}

export interface RecordEditor {
  participantId: string;
  key: string;
}

/** Everyone editing something in this meeting's record now (one row per person and key). */
export interface RecordEditors {
  editors: RecordEditor[];
}

export interface PollTurnout {
  pollId: string;
  /** Ballots received so far (voting units: a household counts once). */
  ballots: number;
}

/**
 * The voting units that have voted so far in an open named (记名) poll: the chair and the clerk
 * see who has and who has not voted yet. Sent to the staff only, and never for a secret poll
 * (docs/ballot-secrecy.md): who voted is part of the audit anyway, how is not in here.
 */
export interface PollVoters {
  pollId: string;
  units: string[];
  /** The units of `units` that voted by proxy (委托) or on paper (纸质票); the others on their own device (本人). */
  via: Record<string, "proxy" | "paper">;
}

export interface PollLiveTally {
  pollId: string;
  counts: Record<string, number>;
  weights: Record<string, number>;
}

/** The ack of `poll.vote`: the ballot is durably stored (and counted) when this arrives. */
export interface BallotReceipt {
  pollId: string;
  /** A named ballot that replaced the voter's earlier one (polls that allow changing). */
  changed: boolean;
}

/**
 * The polls this person (or their household) has voted in; `choices` only for named polls. With
 * `forUnit`: a unit whose proxy (委托) this person holds has voted (on their device or on paper).
 */
export interface MyBallots {
  ballots: { pollId: string; choices: string[] | null; forUnit?: string }[];
}

/**
 * After the close, anyone in the meeting can check the count: who voted (voting units), and the
 * ballots — anonymous and in random order for a secret poll, with the voter for a named one.
 */
export interface PollAudit {
  pollId: string;
  voters: string[];
  /** The voters who voted by proxy (委托) or on paper (纸质票): how, never what. */
  via: Record<string, "proxy" | "paper">;
  ballots: { voter: string | null; choices: string[]; weight: number }[];
}

/**
 * A note of one bargaining side's private consultation (背靠背). Only the members of that side
 * (roster entries of role member or chair with that side) ever receive it; it is stored apart
 * from the meeting's event log (docs/bargaining.md, Caucus).
 */
/** 人民调解: a note of a separate talk (kind talk, partyId the party) or a mediator's finding (fact | option, partyId null). */
export interface TalkNote {
  noteId: string;
  kind: "talk" | "fact" | "option";
  partyId: string | null;
  authorId: string;
  /** The author's name as the roster had it when the note was written. */
  authorName: string;
  text: string;
  at: number;
}

export interface CaucusNote {
  noteId: string;
  side: Side;
  authorId: string;
  /** The author's name as the roster had it when the note was written. */
  authorName: string;
  text: string;
  at: number;
}

export interface MediaStatusPayload {
  available: boolean;
}

/** An SDP as a plain string (non-trickle: it carries all ICE candidates). At most 64 KiB. */
export interface SdpPayload {
  sdp: string;
}

/**
 * The ICE servers for my next RTCPeerConnection (media.iceServers): the deployment's TURN server with
 * short-lived credentials minted for me (docs/media.md#turn); none without TURN.
 */
export interface IceServersResult {
  iceServers: { urls: string[]; username: string; credential: string }[];
  /** When the credentials expire (epoch ms); null when there are none. */
  expiresAt: number | null;
}

/** The feeds a listener receives (participant ids) and Janus's offer for them (null: nobody to hear yet). */
export interface SubscribeResult {
  sdp: string | null;
  feeds: string[];
  /** The channel given: the floor, or the interpretation (传译) when asked for while an interpreter is assigned. */
  channel: ListenChannel;
  /** Whose each media section of the offer is (by `mid`), so each track goes to the right tile. */
  streams: SubscribedStream[];
  /** The offer is the meeting's audio mix (audio only: one stream, whoever is heard). */
  mixed: boolean;
}

/** What a listener hears: the floor (原声), or the interpreter instead of the speakers' voices (传译). */
export type ListenChannel = "floor" | "interpretation";

export interface SubscribedStream {
  mid: string;
  kind: "audio" | "video";
  /** A participant id, or `venue` for the room (会场). */
  participantId: string;
}

/** The answer of `groups.enter`: the group's meeting and a join token for my seat in it. */
export interface GroupEntry {
  meetingId: string;
  token: string;
}

export interface ClientToServerEvents {
  command: (command: unknown, ack: (result: Ack) => void) => void;
  /** Cast a ballot ({pollId, choices, weight?}); acknowledged once it is stored. */
  "poll.vote": (ballot: unknown, ack: (result: Ack<BallotReceipt>) => void) => void;
  "poll.mine": (request: unknown, ack: (result: Ack<MyBallots>) => void) => void;
  /** A closed poll's voters and ballots ({pollId}). */
  "poll.audit": (request: unknown, ack: (result: Ack<PollAudit>) => void) => void;
  /** Chair and clerk: enter a paper ballot (纸质票) for a unit without a device ({pollId, unitId, choices, note?}); acknowledged once stored. */
  "poll.paper": (ballot: unknown, ack: (result: Ack<BallotReceipt>) => void) => void;
  /** A member of a bargaining side writes to the own side's private consultation (背靠背); stored when acknowledged. */
  "caucus.note": (request: unknown, ack: (result: Ack<{ note: CaucusNote }>) => void) => void;
  /** The own side's private consultation notes so far, oldest first. */
  "caucus.history": (request: unknown, ack: (result: Ack<{ notes: CaucusNote[] }>) => void) => void;
  /** A mediator or the party in the separate talk writes to the talk (背靠背); stored when acknowledged. */
  "mediation.talkNote": (request: unknown, ack: (result: Ack<{ note: TalkNote }>) => void) => void;
  /** A mediator notes a finding (fact or option) for the mediators only. */
  "mediation.noteFinding": (request: unknown, ack: (result: Ack<{ note: TalkNote }>) => void) => void;
  /** The notes this person may read: a mediator all of the meeting's, a party those of the talks with them. */
  "mediation.talkHistory": (request: unknown, ack: (result: Ack<{ notes: TalkNote[] }>) => void) => void;
  /** Chair and clerk: what I am editing in the record now ({key}, null when done); see `record.editors`. */
  "record.editing": (request: unknown, ack: (result: Ack<Record<never, never>>) => void) => void;
  /**
   * 分组讨论, on the plenary's socket: a join token for my seat in my group's meeting, or with
   * `groupId` the plenary chair's look into that group ({groupId?}); the plenary connection stays.
   */
  "groups.enter": (request: unknown, ack: (result: Ack<GroupEntry>) => void) => void;
  "time.sync": (ack: (result: { serverTime: number }) => void) => void;
  "sync.request": (request: unknown, ack: (result: Ack<{ sync: SyncPayload }>) => void) => void;
  /** Publish my microphone (and camera): an SDP offer, answered with Janus's SDP answer. */
  "media.publish": (request: unknown, ack: (result: Ack<SdpPayload>) => void) => void;
  /** Listen: Janus's offer for the audible feeds; reply with `media.answer`. */
  "media.subscribe": (request: unknown, ack: (result: Ack<SubscribeResult>) => void) => void;
  "media.answer": (request: unknown, ack: (result: Ack<Record<never, never>>) => void) => void;
  /** The ICE servers (TURN with credentials of my own) for my next RTCPeerConnection. */
  "media.iceServers": (request: unknown, ack: (result: Ack<IceServersResult>) => void) => void;
  /** Stop publishing and listening. */
  "media.leave": (request: unknown, ack: (result: Ack<Record<never, never>>) => void) => void;
  /** 背靠背: join the own side's private audio room while its caucus runs (an audio offer, answered with Janus's answer). */
  "media.caucusJoin": (request: unknown, ack: (result: Ack<SdpPayload>) => void) => void;
  /** Leave the own side's private audio room (back to the meeting's room). */
  "media.caucusLeave": (request: unknown, ack: (result: Ack<Record<never, never>>) => void) => void;
  /** 单独谈话: a mediator or the party in the separate talk joins that talk's private audio room (an audio offer, answered with Janus's answer). */
  "media.talkJoin": (request: unknown, ack: (result: Ack<SdpPayload>) => void) => void;
  /** Leave the separate talk's private audio room (back to the meeting's room). */
  "media.talkLeave": (request: unknown, ack: (result: Ack<Record<never, never>>) => void) => void;
}
