// What the socket handshake and greeting need of a meeting from the database, kept in memory
// per meeting: its public info (welcome.meeting) and the state of every link (participants'
// and the room's two). Loaded once, with one query, on the first join; a whole meeting joining
// at once then reads nothing. LinkService reports every re-issue or revocation here right after
// writing it (before it drops the sockets), so the handshake refuses the old link at once; an
// edit of the meeting drops its entry (read again on the next join).
import type { MeetingInfo } from "../../../core/protocol.ts";
import { roomLinkSubject, ROOM_LINK_KINDS } from "../../../core/venue/roomLinks.ts";
import { staffEntryRoles, type StaffEntryRole } from "../../../core/staffEntry.ts";
import { AccountRepository } from "../accounts/accountRepository.ts";
import { SessionStore } from "../accounts/sessions.ts";
import type { ClusterBus } from "../cluster/clusterBus.ts";
import type { Db } from "../db/database.ts";

/** A link's state: only a token of the current version opens it, and none while revoked. */
export interface LinkState {
  linkVersion: number;
  linkRevoked: boolean;
}

/** welcome.meeting: what every connection may know of the meeting. */
export function toMeetingInfo(row: {
  id: string;
  title: string;
  number: string | null;
  kind: string;
  place: string | null;
  startsAt: Date | null;
  mode: string;
}): MeetingInfo {
  return { id: row.id, title: row.title, number: row.number, kind: row.kind, place: row.place, startsAt: row.startsAt?.getTime() ?? null, mode: row.mode };
}

interface Entry {
  loaded: Promise<MeetingInfo | null>;
  /** Link states by subject (participant id, `display:<id>`, `venue:<id>`). */
  links: Map<string, LinkState>;
}

/** The message between nodes that an edit of a meeting was saved. */
const MEETING_CHANGED = "joins.meetingChanged";

export class JoinCache {
  private readonly entries = new Map<string, Entry>();
  private peers: ClusterBus | undefined;

  /** The StaffAccount table's owner: staff entries are checked through it. */
  private readonly accounts: AccountRepository;
  /** The StaffSession table's owner: a staff entry lasts as long as its login session. */
  private readonly sessions: SessionStore;

  constructor(private readonly db: Db) {
    this.accounts = new AccountRepository(db);
    // isOpen reads no clock (a staff entry's token expires with its session), so the wall clock will do.
    this.sessions = new SessionStore(db, Date.now);
  }

  /** The meeting's public info; null when it does not exist (not remembered: it may be created later). */
  info(meetingId: string): Promise<MeetingInfo | null> {
    return this.entry(meetingId).loaded;
  }

  /**
   * The link state of a participant of this meeting or of one of its room links (by subject);
   * null when there is no such link in this meeting. A participant added after the meeting was
   * loaded is read once from the database.
   */
  async link(meetingId: string, subject: string): Promise<LinkState | null> {
    const entry = this.entry(meetingId);
    if (!(await entry.loaded)) return null;
    const known = entry.links.get(subject);
    if (known) return known;
    const row = await this.db.participant.findUnique({ where: { id: subject }, select: { meetingId: true, linkVersion: true, linkRevoked: true } });
    if (!row || row.meetingId !== meetingId) return null;
    remember(entry.links, subject, { linkVersion: row.linkVersion, linkRevoked: row.linkRevoked });
    return entry.links.get(subject) ?? null;
  }

  /**
   * A staff entry (core/staffEntry.ts): the account's name when it may still take `role` in this
   * meeting — enabled, an admin or organiser, or a chair or clerk linked to the meeting — and the
   * login session the token was issued in is still open, else null. Read from the database each
   * time (a few staff connections, never a join storm), so disabling or unlinking the account, or
   * logging out, refuses its tokens at once.
   */
  async staff(meetingId: string, accountId: string, role: StaffEntryRole, session: string | null): Promise<string | null> {
    if (!(await this.entry(meetingId).loaded)) return null;
    if (session === null || !(await this.sessions.isOpen(session, accountId))) return null;
    const account = await this.accounts.byId(accountId);
    if (!account || account.disabled || !staffEntryRoles(account.role).includes(role)) return null;
    if (account.role === "chair" || account.role === "clerk") {
      const linked = await this.db.participant.findFirst({ where: { meetingId, accountId }, select: { id: true } });
      if (!linked) return null;
    }
    return account.displayName;
  }

  /** A link was re-issued or revoked (already written): later handshakes see it at once. */
  linkChanged(meetingId: string, subject: string, state: LinkState): void {
    const entry = this.entries.get(meetingId);
    // Also while loading: the load (possibly read before the write) never overrides a newer version.
    if (entry) remember(entry.links, subject, state, true);
  }

  /** The meeting's info was edited: read it again on the next join (on every node, with several). */
  meetingChanged(meetingId: string): void {
    this.entries.delete(meetingId);
    this.peers?.broadcast(MEETING_CHANGED, { meetingId });
  }

  /** With several nodes: an edit made through another node drops this node's copy too. */
  joinCluster(bus: ClusterBus): void {
    this.peers = bus;
    bus.handle(MEETING_CHANGED, (body) => void this.entries.delete((body as { meetingId: string }).meetingId));
  }

  private entry(meetingId: string): Entry {
    let entry = this.entries.get(meetingId);
    if (!entry) {
      const links = new Map<string, LinkState>();
      const created: Entry = { links, loaded: this.load(meetingId, links) };
      entry = created;
      this.entries.set(meetingId, created);
      const forget = () => {
        if (this.entries.get(meetingId) === created) this.entries.delete(meetingId);
      };
      created.loaded.then((info) => info ?? forget(), forget);
    }
    return entry;
  }

  private async load(meetingId: string, links: Map<string, LinkState>): Promise<MeetingInfo | null> {
    const row = await this.db.meeting.findUnique({
      where: { id: meetingId },
      include: { roomLinks: true, participants: { select: { id: true, linkVersion: true, linkRevoked: true } } },
    });
    if (!row) return null;
    for (const p of row.participants) remember(links, p.id, { linkVersion: p.linkVersion, linkRevoked: p.linkRevoked });
    // No row yet: version 1, not revoked (as before room links could be re-issued).
    for (const kind of ROOM_LINK_KINDS) {
      const link = row.roomLinks.find((l) => l.kind === kind);
      remember(links, roomLinkSubject(kind, meetingId), { linkVersion: link?.version ?? 1, linkRevoked: link?.revoked ?? false });
    }
    return toMeetingInfo(row);
  }
}

/**
 * Re-issuing and revoking both bump the version, so the higher version is the newer state; a
 * reported change (`changed`) also replaces a state of the same version.
 */
function remember(links: Map<string, LinkState>, subject: string, state: LinkState, changed = false): void {
  const known = links.get(subject);
  if (!known || known.linkVersion < state.linkVersion || (changed && known.linkVersion === state.linkVersion)) links.set(subject, state);
}
