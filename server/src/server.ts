// Composition root: wires configuration, database, event log, rooms, tokens and the gateway.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Server } from "socket.io";
import { ArchiveIndex } from "./archive/archiveIndex.ts";
import { ballotSecretOf, resolveTokenSecret } from "./auth/secret.ts";
import { CaucusStore } from "./caucus/caucusStore.ts";
import { TalkStore } from "./mediation/session/talkStore.ts";
import { TokenService } from "./auth/tokens.ts";
import type { Config } from "./config/config.ts";
import { protectDataDir } from "./config/dataDir.ts";
import { openDatabase, type Db } from "./db/database.ts";
import type { EventStore } from "./eventlog/eventStore.ts";
import { chairRoom, connections, roomOf, staffRoom, type GatewayServer } from "./gateway/connection.ts";
import { attachGateway } from "./gateway/socketGateway.ts";
import { createApi } from "./http/api.ts";
import { apiDeps } from "./http/apiDeps.ts";
import { createHttpApp } from "./http/httpApp.ts";
import type { LinkService } from "./links/linkService.ts";
import type { AgendaStore } from "./meetings/agendaStore.ts";
import { LedgerStore } from "./ledger/ledgerStore.ts";
import { RecordSync } from "./ledger/recordSync.ts";
import { PrivateAudio } from "./media/privateAudio.ts";
import { MediaController } from "./media/mediaController.ts";
import { createMediaPlane, type MediaPlane } from "./media/mediaPlane.ts";
import { MediaRelay } from "./media/mediaRelay.ts";
import { RecordingStore } from "./media/recording/recordingStore.ts";
import { Retention } from "./retention/retention.ts";
import { RetentionStore } from "./retention/retentionStore.ts";
import { SpeechRecorder } from "./media/recording/speechRecorder.ts";
import { MeetingChanges } from "./meetings/meetingChanges.ts";
import { MeetingStore } from "./meetings/meetingStore.ts";
import { BallotBox } from "./polls/ballotBox.ts";
import { PollClock } from "./polls/pollClock.ts";
import { GroupMeetings } from "./groups/groupMeetings.ts";
import { GroupRelay } from "./groups/groupRelay.ts";
import { RecallClock } from "./groups/recallClock.ts";
import { RoomRegistry } from "./rooms/roomRegistry.ts";
import { commandLog } from "./observability/commandLog.ts";
import { connectedParticipants } from "./observability/connectedParticipants.ts";
import { LiveMeetings } from "./observability/liveMeetings.ts";
import { createLogger, type LogDestination, type Logger } from "./observability/logger.ts";
import { countedBallotStore, timedEventStore } from "./observability/measuredStores.ts";
import { ServerMetrics } from "./observability/metrics.ts";
import { opsChecks } from "./observability/opsChecks.ts";
import { opsRoutes } from "./observability/opsRoutes.ts";
import { requestLog } from "./observability/requestLog.ts";
import { ClusterNode } from "./cluster/cluster.ts";
import { SocketRelay } from "./cluster/relay/socketRelay.ts";
import { createSpeechEngine } from "./transcripts/asrConfig.ts";
import { TranscriptPipeline } from "./transcripts/pipeline.ts";

/** Turnout and live tallies go out at most this often per poll (a vote storm is one or two updates). */
const POLL_UPDATE_THROTTLE_MS = 500;

/** Largest socket message accepted; a bigger one closes that connection, nothing else. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Pending connections the kernel may hold for us (capped by net.core.somaxconn). */
const ACCEPT_BACKLOG = 4096;

export interface YishitingServer {
  db: Db;
  store: EventStore;
  meetings: MeetingStore;
  tokens: TokenService;
  rooms: RoomRegistry;
  /** This node of a deployment with several (config.cluster); undefined for one process. */
  cluster: ClusterNode | undefined;
  io: GatewayServer;
  links: LinkService;
  agenda: AgendaStore;
  /** Audio/video (Janus); "unavailable" unless configured (docs/media.md). */
  media: MediaPlane;
  /** The SDP relay and floor control at Janus; undefined when media is off. */
  mediaRelay: MediaRelay | undefined;
  /** The bargaining sides' private audio rooms (背靠背); undefined when media is off. */
  privateAudio: PrivateAudio | undefined;
  /** Per-speech recordings (post-processing, rows). */
  recorder: SpeechRecorder;
  /** Machine drafts of the speeches from their recordings (docs/transcripts.md); undefined when YST_ASR is off. */
  transcripts: TranscriptPipeline | undefined;
  /** The archive's full-text index, reindexed after relevant committed events (docs/archive.md). */
  archive: ArchiveIndex;
  /** The follow-up ledger (docs/ledger.md). */
  ledger: LedgerStore;
  /** Keeps the ledger's meeting items in step with the records (docs/ledger.md). */
  recordSync: RecordSync;
  /**
   * The meetings this node caught up at start-up (ledger and search index), once done: none when
   * another node of the deployment was doing it; undefined when it failed (logged).
   */
  caughtUp: { ledger: Promise<string[] | undefined>; archive: Promise<string[] | undefined>; groups: Promise<string[] | undefined> };
  /** 分组讨论: the plenaries' group meetings (docs/groups.md). */
  groupMeetings: GroupMeetings;
  /** 分组讨论: the groups' floor and reports relayed to their plenaries. */
  groupRelay: GroupRelay;
  /** The retention policy of recordings and materials, and its sweep. */
  retention: Retention;
  /** This instance's Prometheus metrics (GET /metrics; observability/metrics.ts). */
  metrics: ServerMetrics;
  /** The operational log (YST_LOG_FORMAT; observability/logger.ts). */
  logger: Logger;
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface ServerOptions {
  now?: () => number;
  /** Where the server's warnings and errors go; by default the logger's (text: stderr as `[yishiting] …`, json: a line). */
  log?: (message: string, error?: unknown) => void;
  /** Where JSON log lines go (YST_LOG_FORMAT=json): stdout unless given. */
  logDestination?: LogDestination;
  /** Delay of the archive's reindex after the last relevant event (default 3 s). */
  archiveDebounceMs?: number;
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<YishitingServer> {
  const now = options.now ?? Date.now;
  const logger = createLogger(config.observability.logFormat, options.logDestination);
  const log = options.log ?? logger.log;
  protectDataDir(config, log); // owner-only before anything is written there

  // Storage: the database with its backend's own stores (the meetings' event log, the ballots,
  // the archive's rows: db/database.ts), the organisers' stores, and the live meetings on top.
  const tokenSecret = resolveTokenSecret(config.tokenSecret, config.dataDir);
  const database = await openDatabase(config.database, { ballotSecret: ballotSecretOf(tokenSecret) });
  const { db, stores } = database;
  // Metrics of this instance (observability/): gauges read when scraped, the stores measured.
  const liveMeetings = new LiveMeetings();
  const metrics = new ServerMetrics({
    connectedParticipants: () => connectedParticipants(connections(io, socketRelay)),
    liveMeetings: () => liveMeetings.count(),
  });
  const store = timedEventStore(stores.events, metrics);
  const changes = new MeetingChanges();
  const meetings = new MeetingStore(db, changes);
  const archive = new ArchiveIndex({
    db,
    store,
    storage: stores.archive,
    log,
    now,
    ...(options.archiveDebounceMs === undefined ? {} : { debounceMs: options.archiveDebounceMs }),
  });
  const ledger = new LedgerStore({ db, now, forms: config.ledgerForms });
  const recordSync = new RecordSync({ db, store, ledger, log, now });
  const tokens = new TokenService(tokenSecret, config.linkTtlHours);
  // The live meetings, one actor each; what follows their turns is listed once the capabilities exist (below).
  // With several nodes (YST_REDIS_URL): a meeting's room opens only on the node holding its lease.
  const cluster = config.cluster && database.pool ? new ClusterNode(config.cluster, database.pool) : undefined;
  const rooms = new RoomRegistry({
    store,
    now,
    newId: randomUUID,
    log,
    loadConfig: (meetingId) => meetings.liveConfig(meetingId),
    ...(cluster ? { ownership: cluster.ownership } : {}),
  });
  const stateOf = async (meetingId: string) => (await rooms.get(meetingId)).current;

  // Transport: HTTP and the sockets.
  const api = express.Router(); // filled below, once the rooms and sockets exist
  const ops = express.Router(); // likewise, once the media plane exists
  const httpServer = http.createServer(createHttpApp(config.clientDir, { api, ops, requestLog: requestLog(logger), trustProxy: config.trustProxy }));
  const io: GatewayServer = new Server(httpServer, {
    transports: ["websocket"],
    perMessageDeflate: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  });
  await cluster?.join(io, rooms, log);
  // With several nodes: any node accepts any socket; those of meetings owned elsewhere are served by their owner.
  const socketRelay = cluster ? new SocketRelay({ io, bus: cluster.bus, ownership: cluster.ownership, rooms, joins: meetings.joins, now, log }) : undefined;

  // Media (Janus, docs/media.md): the plane, the speeches' recordings, the SDP relay, floor control.
  const media = createMediaPlane(config.media, { dataDir: config.dataDir, log });
  // Each recording stored ready is transcribed by the configured engine (none by default) into the speech's machine draft.
  const engine = createSpeechEngine(config.asr);
  const transcripts =
    engine && config.asr.engine !== "off"
      ? new TranscriptPipeline({ engine, language: config.asr.language, recordingsDir: config.recordingsDir, room: (meetingId) => rooms.get(meetingId), log })
      : undefined;
  const recorder = new SpeechRecorder({
    dir: config.recordingsDir,
    store: new RecordingStore(db),
    stateOf,
    now,
    newId: randomUUID,
    log,
    ...(transcripts ? { ready: (row) => transcripts.ready(row) } : {}),
  });
  const relay =
    media.janusUrl === undefined
      ? undefined
      : new MediaRelay({
          janusUrl: media.janusUrl,
          log,
          onFeedsChanged: (meetingId) => io.to(roomOf(meetingId)).emit("media.feeds"),
          edges: media.edges,
          onListenersMoved: (_meetingId, connectionIds) => io.to(connectionIds).emit("media.moved"),
          recorder,
        });
  const mediaAvailable = () => relay !== undefined && media.status() === "up";
  const currentRelay = () => (mediaAvailable() ? relay : undefined);
  const mediaController = new MediaController(currentRelay, stateOf, log);
  // 背靠背: the private audio rooms — a bargaining side's while its caucus runs, a mediation
  // session's separate talk while it runs (docs/media.md#private-audio-背靠背).
  const privateAudio =
    relay === undefined || media.janusUrl === undefined
      ? undefined
      : new PrivateAudio({
          janusUrl: media.janusUrl,
          log,
          withdraw: (meetingId, participantId, withdrawn) => relay.withdraw(meetingId, participantId, withdrawn),
        });

  // Polls: the ballot box (ballots bypass the command path) and the countdowns.
  const ballots = new BallotBox({
    rooms,
    store: countedBallotStore(stores.ballots, metrics),
    log,
    throttleMs: POLL_UPDATE_THROTTLE_MS,
    audience: {
      turnout: (meetingId, turnout) => io.to(roomOf(meetingId)).emit("poll.turnout", turnout),
      voters: (meetingId, voters) => io.to(staffRoom(meetingId)).emit("poll.voters", voters),
      tally: (meetingId, to, tally) => io.to(to === "all" ? roomOf(meetingId) : chairRoom(meetingId)).emit("poll.tally", tally),
    },
  });
  const pollClock = new PollClock({ room: (meetingId) => rooms.local(meetingId), now, log, closed: (poll) => ballots.closed(poll) });

  // 分组讨论 (docs/groups.md): the groups' meetings made and opened and closed with the plenary's
  // groups, the call back's countdown, and each group's floor and report relayed to the plenary.
  const groupMeetings = new GroupMeetings({ meetings, store, room: (meetingId) => rooms.get(meetingId), log });
  const recallClock = new RecallClock({ room: (meetingId) => rooms.local(meetingId), now, log });
  const groupRelay = new GroupRelay({ room: (meetingId) => rooms.get(meetingId), log });

  // The socket gateway: handshake, greeting, presence and every message's handler.
  const gateway = attachGateway(io, {
    tokens,
    meetings,
    rooms,
    now,
    log,
    presenceGraceMs: config.presenceGraceSeconds * 1000,
    presenceRestartGraceMs: config.presenceRestartGraceSeconds * 1000,
    mediaAvailable,
    mediaRelay: currentRelay,
    privateAudio: () => (mediaAvailable() ? privateAudio : undefined),
    ...(config.turn ? { turn: config.turn } : {}),
    ballots,
    caucusNotes: new CaucusStore(db),
    talkNotes: new TalkStore(db),
    maxDevices: config.maxDevices,
    ...(socketRelay ? { relay: socketRelay } : {}),
    groups: { groupMeetings },
    commands: commandLog(metrics, logger),
  });

  // What follows the live meetings' turns, in this order (RoomListener, rooms/meetingRoom.ts):
  //   gateway          the committed events to each audience, then connections whose roster entry changed
  //   mediaController  floor control at Janus: all but the audible muted, the floor holder recorded
  //   privateAudio     a private audio room destroyed when its caucus or talk ends, those no longer admitted dropped
  //   ballots          a poll.close decided with the ballot box's totals
  //   pollClock        countdowns armed and disarmed (re-armed when a room reopens)
  //   groupMeetings    a plenary's groups opened: their meetings created and opened; closed: closed (queued, per plenary)
  //   recallClock      the groups' call back countdown armed and disarmed (re-armed when a room reopens)
  //   groupRelay       a group meeting's floor, status and report relayed to its plenary (queued, per plenary)
  //   archive          the search index, reindexed after relevant events
  //   recordSync       the records' suggestions and decisions kept in step in the ledger
  //   socketRelay      (several nodes) sockets still relayed to a meeting's former owner come to the node that opened it
  //   liveMeetings     which meetings are open with their room here (yst_meetings_live)
  rooms.listen([
    gateway,
    mediaController,
    ...(privateAudio ? [privateAudio] : []),
    ballots,
    pollClock,
    groupMeetings,
    recallClock,
    groupRelay,
    archive,
    recordSync,
    ...(socketRelay ? [socketRelay] : []),
    liveMeetings,
  ]);
  rooms.onDropped((meetingId) => liveMeetings.dropped(meetingId));
  // The stores signal every saved change the live meeting follows; it is fed in before the
  // request that made it is answered (meetings/meetingChanges.ts).
  changes.onChanged(async (meetingId) => {
    try {
      await rooms.syncConfig(meetingId);
    } catch (error) {
      // The change is saved; the live room picks it up with the next change or restart.
      log(`config sync failed for meeting ${meetingId}`, error);
    }
  });

  // 保留策略: recordings and materials deleted the organisers' number of days after the minutes' approval.
  const retention = new Retention({
    store: new RetentionStore(db),
    dataDir: config.dataDir,
    recordingsDir: config.recordingsDir,
    now,
    log,
    materialsChanged: (meetingId) => changes.changed(meetingId),
  });
  retention.start();

  // The HTTP API, and the media plane's status reaching every connection.
  const deps = apiDeps({ db, events: store, tokens, rooms, meetings, io, config, now, log, archive, ledger, retention });
  if (cluster) {
    // Every node caches links and meetings for the join path and holds its own sockets: changes made on one reach all.
    deps.links.joinCluster(cluster.bus);
    meetings.joins.joinCluster(cluster.bus);
  }
  api.use(createApi(deps));
  // The operator's routes: readiness, metrics and status (docs/operations.md "Metrics and logs").
  if (media.janusUrl !== undefined) {
    metrics.watchJanus(() => [
      { instance: "origin", up: media.status() === "up" },
      ...media.edges.map((edge) => ({ instance: edge.id, up: edge.status() === "up" })),
    ]);
  }
  ops.use(
    opsRoutes({
      checks: opsChecks(db, media),
      metrics,
      opsToken: config.observability.opsToken,
      liveMeetings: () => meetings.openCount(),
      connectedParticipants: () => connectedParticipants(connections(io, socketRelay)),
      log,
    }),
  );
  media.onStatusChange((status) => {
    // Janus restarted or went away: its rooms and handles are gone; clients re-negotiate.
    if (status !== "up") {
      relay?.reset();
      privateAudio?.reset();
    }
    io.emit("media.status", { available: mediaAvailable() });
  });
  media.start();
  // Meetings whose index is missing or behind their log (a crash within the debounce, an upgrade).
  // Suggestions captured while the server was down or before an upgrade enter the ledger.
  // With several nodes on one database each catch-up is done by one node at a time: a node finding
  // another one at it leaves it the work (the same meetings), instead of redoing it alongside.
  const onStartUp = (name: string, catchUp: () => Promise<string[]>): Promise<string[]> =>
    cluster ? cluster.unlessUnderWay(name, catchUp).then((caughtUp) => caughtUp ?? []) : catchUp();
  const ledgerCaughtUp = onStartUp("ledger catch-up", () => recordSync.catchUp()).catch((error: unknown) => {
    log("ledger: catching up with the records failed", error);
    return undefined;
  });
  const groupsCaughtUp = onStartUp("groups catch-up", () => groupMeetings.catchUp()).catch((error: unknown) => {
    log("groups: catching up the group meetings failed", error);
    return undefined;
  });
  const archiveCaughtUp = onStartUp("archive catch-up", () => archive.catchUp()).catch((error: unknown) => {
    log("archive: catching up the search index failed", error);
    return undefined;
  });

  return {
    db,
    store,
    meetings,
    tokens,
    rooms,
    cluster,
    io,
    links: deps.links,
    agenda: deps.agenda,
    media,
    mediaRelay: relay,
    privateAudio,
    recorder,
    transcripts,
    archive,
    ledger,
    recordSync,
    groupMeetings,
    groupRelay,
    retention,
    metrics,
    logger,
    caughtUp: { ledger: ledgerCaughtUp, archive: archiveCaughtUp, groups: groupsCaughtUp },
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        // A plenary reconnecting after a restart arrives all at once: with Node's default accept
        // queue (511) the kernel drops the rest, and they wait a full TCP retransmission (1 s).
        httpServer.listen({ port: config.port, host: config.host, backlog: ACCEPT_BACKLOG }, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    async close() {
      gateway.presence.close();
      pollClock.close();
      recallClock.close();
      ballots.close();
      await groupsCaughtUp;
      await groupMeetings.close(); // the group meetings being made or closed are done before the database closes
      await groupRelay.close();
      await archive.close(); // the reindex in progress finishes before the database closes
      await archiveCaughtUp;
      await ledgerCaughtUp;
      await recordSync.close(); // the sync in progress finishes before the database closes
      await retention.close(); // likewise the sweep in progress
      socketRelay?.close(); // the sockets served here for other nodes reconnect elsewhere at once
      await io.close(); // also closes the HTTP server
      await cluster?.close(); // gives this node's meetings up at once
      await relay?.close(); // closes open recordings at Janus
      await privateAudio?.close();
      await recorder.idle(); // finished takes are stored before the database closes
      await transcripts?.close(); // a transcription running is stopped (its recording stays; no draft)
      await database.close();
      await media.stop();
    },
  };
}
