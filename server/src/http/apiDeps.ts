// What the REST routes need from the composition root, built once per server. Routes reach the
// database only through stores: `ApiDeps` has no Prisma client (`db` is the stores' to use).
import type { Request } from "express";
import { AccountRepository } from "../accounts/accountRepository.ts";
import { LoginLimiter } from "../accounts/loginLimiter.ts";
import { SessionStore } from "../accounts/sessions.ts";
import type { ArchiveIndex } from "../archive/archiveIndex.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { Config } from "../config/config.ts";
import type { Db } from "../db/database.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import type { GatewayServer } from "../gateway/socketGateway.ts";
import { MediationCaseStore } from "../mediation/cases/caseStore.ts";
import { LedgerFiles } from "../ledger/ledgerFiles.ts";
import { CommunityStore } from "../community/communityStore.ts";
import { CampaignStore } from "../campaign/campaignStore.ts";
import { ProposalStore } from "../bargaining/proposals/proposalStore.ts";
import { BargainingRequestStore } from "../bargaining/requests/requestStore.ts";
import type { LedgerStore } from "../ledger/ledgerStore.ts";
import { LinkService } from "../links/linkService.ts";
import type { AgendaStore } from "../meetings/agendaStore.ts";
import { RecordingStore } from "../media/recording/recordingStore.ts";
import { MaterialFiles } from "../meetings/materialFiles.ts";
import type { MaterialStore } from "../meetings/materialStore.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import type { ParticipantStore } from "../meetings/participantStore.ts";
import { MinutesVersionStore } from "../minutes/minutesVersionStore.ts";
import { AgreementStore } from "../bargaining/agreement/agreementStore.ts";
import { MediationAgreementStore } from "../mediation/agreement/mediationAgreementStore.ts";
import type { PlanStore } from "../plan/planStore.ts";
import type { Retention } from "../retention/retention.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";

export interface ApiBase {
  db: Db;
  /** The meetings' event logs (the minutes draft reads the log up to the live state). */
  events: EventStore;
  tokens: TokenService;
  rooms: RoomRegistry;
  /**
   * Meetings and what belongs to them; each store signals the changes the live meeting follows
   * (meetings/meetingChanges.ts, wired in server.ts). `meetings.joins` is the socket handshake's
   * view of links (the live roster resource checks tokens as it does).
   */
  meetings: MeetingStore;
  io: GatewayServer;
  config: Config;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** The archive's search index (docs/archive.md). */
  archive: ArchiveIndex;
  /** The follow-up ledger (台账, docs/ledger.md), shared with the record sync. */
  ledger: LedgerStore;
  /** The retention policy of recordings and materials, and its sweep (docs/api.md "Retention"). */
  retention: Retention;
}

export interface ApiDeps extends Omit<ApiBase, "db"> {
  accounts: AccountRepository;
  sessions: SessionStore;
  limiter: LoginLimiter;
  agenda: AgendaStore;
  participants: ParticipantStore;
  materials: MaterialStore;
  plan: PlanStore;
  files: MaterialFiles;
  links: LinkService;
  /** Per-speech recordings' rows (docs/media.md). */
  recordings: RecordingStore;
  /** Saved minutes versions (第n稿, 定稿). */
  minutesVersions: MinutesVersionStore;
  /** Reply attachments of the ledger on disk. */
  ledgerFiles: LedgerFiles;
  /** Draft agreements after bargaining, their versions, vote, signing and filing (docs/bargaining.md). */
  agreements: AgreementStore;
  /** Mediation agreements (调解协议书), their versions, signatures and refusal (docs/mediation.md). */
  mediationAgreements: MediationAgreementStore;
  /** Communities (社区) and their households (docs/community.md). */
  communities: CommunityStore;
  /** Consent campaigns (敲门计划) of the communities. */
  campaigns: CampaignStore;
  /** Workers' proposals before wage bargaining (征集表, 协商提案). */
  proposals: ProposalStore;
  /** Requests to bargain (要约书) and their replies (docs/bargaining.md). */
  bargainingRequests: BargainingRequestStore;
  /** Mediation cases (调解案件) and their follow-up (docs/mediation.md "Case and follow-up"). */
  mediationCases: MediationCaseStore;
  /** Base of the links handed out: YST_PUBLIC_URL, or the address the staff member used. */
  baseUrl(req: Request): string;
  /** Whether cookies must be Secure: the request came over https (or YST_PUBLIC_URL is https). */
  secure(req: Request): boolean;
}

export function apiDeps(base: ApiBase): ApiDeps {
  const { meetings } = base;
  const publicUrl = base.config.publicUrl;
  return {
    ...base,
    accounts: new AccountRepository(base.db),
    sessions: new SessionStore(base.db, base.now),
    limiter: new LoginLimiter(base.now),
    agenda: meetings.agenda,
    participants: meetings.participants,
    materials: meetings.materials,
    plan: meetings.plan,
    files: new MaterialFiles(base.config.dataDir),
    links: new LinkService(base.db, base.tokens, base.io, meetings),
    recordings: new RecordingStore(base.db),
    minutesVersions: new MinutesVersionStore(base.db, base.now),
    ledgerFiles: new LedgerFiles(base.config.dataDir),
    agreements: new AgreementStore(base.db, base.now),
    mediationAgreements: new MediationAgreementStore(base.db, base.now),
    communities: new CommunityStore(base.db, base.now),
    campaigns: new CampaignStore(base.db, base.now),
    proposals: new ProposalStore(base.db, base.now),
    bargainingRequests: new BargainingRequestStore(base.db, base.now),
    mediationCases: new MediationCaseStore(base.db, base.ledger, base.now),
    baseUrl: (req) => publicUrl ?? `${req.protocol}://${req.get("host") ?? `${base.config.host}:${base.config.port}`}`,
    secure: (req) => req.secure || (publicUrl?.startsWith("https:") ?? false),
  };
}
