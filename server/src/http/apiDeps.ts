// What the REST routes need from the composition root, built once per server.
import type { Request } from "express";
import { AccountRepository } from "../accounts/accountRepository.ts";
import { LoginLimiter } from "../accounts/loginLimiter.ts";
import { SessionStore } from "../accounts/sessions.ts";
import type { ArchiveIndex } from "../archive/archiveIndex.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { Config } from "../config/config.ts";
import type { Db } from "../db/database.ts";
import type { GatewayServer } from "../gateway/socketGateway.ts";
import { LedgerFiles } from "../ledger/ledgerFiles.ts";
import type { LedgerStore } from "../ledger/ledgerStore.ts";
import { LinkService } from "../links/linkService.ts";
import { AgendaStore } from "../meetings/agendaStore.ts";
import { MaterialFiles } from "../meetings/materialFiles.ts";
import type { MeetingRepository } from "../meetings/meetingRepository.ts";
import { MeetingStore } from "../meetings/meetingStore.ts";
import { ParticipantStore } from "../meetings/participantStore.ts";
import type { RoomRegistry } from "../rooms/meetingRoom.ts";

export interface ApiBase {
  db: Db;
  tokens: TokenService;
  rooms: RoomRegistry;
  /** The socket handshake's view of links (the live roster resource checks tokens as it does). */
  joining: MeetingRepository;
  io: GatewayServer;
  config: Config;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** The archive's search index (docs/archive.md). */
  archive: ArchiveIndex;
  /** The follow-up ledger (台账, docs/ledger.md), shared with the record sync. */
  ledger: LedgerStore;
}

export interface ApiDeps extends ApiBase {
  accounts: AccountRepository;
  sessions: SessionStore;
  limiter: LoginLimiter;
  meetings: MeetingStore;
  agenda: AgendaStore;
  participants: ParticipantStore;
  files: MaterialFiles;
  links: LinkService;
  /** Reply attachments of the ledger on disk. */
  ledgerFiles: LedgerFiles;
  /** Base of the links handed out: YST_PUBLIC_URL, or the address the staff member used. */
  baseUrl(req: Request): string;
  /** Whether cookies must be Secure: the request came over https (or YST_PUBLIC_URL is https). */
  secure(req: Request): boolean;
  /** Feeds the meeting's roster, agenda and rules into its live room (logs, never throws). */
  syncLive(meetingId: string): Promise<void>;
}

export function apiDeps(base: ApiBase): ApiDeps {
  const meetings = new MeetingStore(base.db, base.joining.joins);
  const publicUrl = base.config.publicUrl;
  return {
    ...base,
    accounts: new AccountRepository(base.db),
    sessions: new SessionStore(base.db, base.now),
    limiter: new LoginLimiter(base.now),
    meetings,
    agenda: new AgendaStore(base.db),
    participants: new ParticipantStore(base.db),
    files: new MaterialFiles(base.config.dataDir),
    links: new LinkService(base.db, base.tokens, base.io, meetings, base.joining.joins),
    ledgerFiles: new LedgerFiles(base.config.dataDir),
    baseUrl: (req) => publicUrl ?? `${req.protocol}://${req.get("host") ?? `${base.config.host}:${base.config.port}`}`,
    secure: (req) => req.secure || (publicUrl?.startsWith("https:") ?? false),
    async syncLive(meetingId) {
      try {
        await base.rooms.syncConfig(meetingId);
      } catch (error) {
        // The change is saved; the live room picks it up with the next change or restart.
        base.log(`config sync failed for meeting ${meetingId}`, error);
      }
    },
  };
}
