// Composition root: wires configuration, database, event log, rooms, tokens and the gateway.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Server } from "socket.io";
import { resolveTokenSecret } from "./auth/secret.ts";
import { TokenService } from "./auth/tokens.ts";
import type { Config } from "./config/config.ts";
import { openDatabase, type Db } from "./db/database.ts";
import { prismaEventStore, type EventStore } from "./eventlog/eventStore.ts";
import { attachGateway, roomOf, type GatewayServer } from "./gateway/socketGateway.ts";
import { createApi } from "./http/api.ts";
import { apiDeps } from "./http/apiDeps.ts";
import { createHttpApp } from "./http/httpApp.ts";
import type { LinkService } from "./links/linkService.ts";
import type { AgendaStore } from "./meetings/agendaStore.ts";
import { MediaController } from "./media/mediaController.ts";
import { createMediaPlane, type MediaPlane } from "./media/mediaPlane.ts";
import { MediaRelay } from "./media/mediaRelay.ts";
import { RecordingStore } from "./media/recording/recordingStore.ts";
import { SpeechRecorder } from "./media/recording/speechRecorder.ts";
import { MeetingRepository } from "./meetings/meetingRepository.ts";
import { RoomRegistry } from "./rooms/meetingRoom.ts";

/** Largest socket message accepted; a bigger one closes that connection, nothing else. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface YishitingServer {
  db: Db;
  store: EventStore;
  meetings: MeetingRepository;
  tokens: TokenService;
  rooms: RoomRegistry;
  io: GatewayServer;
  links: LinkService;
  agenda: AgendaStore;
  /** Audio/video (Janus); "unavailable" unless configured (docs/media.md). */
  media: MediaPlane;
  /** The SDP relay and floor control at Janus; undefined when media is off. */
  mediaRelay: MediaRelay | undefined;
  /** Per-speech recordings (post-processing, rows). */
  recorder: SpeechRecorder;
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface ServerOptions {
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<YishitingServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message, error) => console.error(`[yishiting] ${message}`, error ?? ""));
  const db = await openDatabase(config.databaseFile);
  const store = prismaEventStore(db);
  const meetings = new MeetingRepository(db);
  const tokens = new TokenService(resolveTokenSecret(config.tokenSecret, config.dataDir), config.linkTtlHours);

  const api = express.Router(); // filled below, once the rooms and sockets exist
  const httpServer = http.createServer(createHttpApp(config.clientDir, { api, trustProxy: config.trustProxy }));
  const io: GatewayServer = new Server(httpServer, {
    transports: ["websocket"],
    perMessageDeflate: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  });
  const media = createMediaPlane(config.media, { dataDir: config.dataDir, log });
  const recorder = new SpeechRecorder({
    dir: config.recordingsDir,
    store: new RecordingStore(db),
    stateOf: async (meetingId) => (await rooms.get(meetingId)).current,
    now,
    newId: randomUUID,
    log,
  });
  const relay = media.janusUrl === undefined ? undefined : new MediaRelay({
          janusUrl: media.janusUrl,
          log,
          onFeedsChanged: (meetingId) => io.to(roomOf(meetingId)).emit("media.feeds"),
          recorder,
        });
  const mediaAvailable = () => relay !== undefined && media.status() === "up";
  const currentRelay = () => (mediaAvailable() ? relay : undefined);
  const mediaController = new MediaController(currentRelay, async (meetingId) => (await rooms.get(meetingId)).current, log);
  const rooms = new RoomRegistry({
    store,
    channel: {
      broadcast: (meetingId, events) => {
        io.to(roomOf(meetingId)).emit("events", [...events]);
        mediaController.committed(meetingId, events);
      },
    },
    now,
    newId: randomUUID,
    log,
    loadConfig: (meetingId) => meetings.liveConfig(meetingId),
  });
  const presence = attachGateway(io, {
    tokens,
    meetings,
    rooms,
    now,
    log,
    presenceGraceMs: config.presenceGraceSeconds * 1000,
    mediaAvailable,
    mediaRelay: currentRelay,
  });
  const deps = apiDeps({ db, tokens, rooms, io, config, now, log });
  api.use(createApi(deps));
  media.onStatusChange((status) => {
    // Janus restarted or went away: its rooms and handles are gone; clients re-negotiate.
    if (status !== "up") relay?.reset();
    io.emit("media.status", { available: mediaAvailable() });
  });
  media.start();

  return {
    db,
    store,
    meetings,
    tokens,
    rooms,
    io,
    links: deps.links,
    agenda: deps.agenda,
    media,
    mediaRelay: relay,
    recorder,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    async close() {
      presence.close();
      await io.close(); // also closes the HTTP server
      await relay?.close(); // closes open recordings at Janus
      await recorder.idle(); // finished takes are stored before the database closes
      await db.$disconnect();
      await media.stop();
    },
  };
}
