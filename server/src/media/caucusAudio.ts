// A bargaining side's private audio room (背靠背, docs/media.md#caucus-audio): while a side's
// caucus runs, its members talk in their own Janus AudioBridge room (one mix, audio only) that our
// server creates with a random secret and pin kept only in its memory, so nobody can join except
// through our server, which checks the socket's participant and side first (caucusAudioHandlers.ts).
// While someone is in it their microphone is muted in the meeting's room (MediaRelay.withdraw).
// The room is destroyed — everyone in it dropped — when the caucus ends (a RoomListener).
import Janode, { type JanodeConnection, type JanodeSession } from "janode";
import AudioBridgePlugin, { type AudioBridgeHandle } from "janode/plugins/audiobridge";
import { randomInt } from "node:crypto";
import type { Side } from "../../../core/bargaining/schema.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { MeetingState } from "../../../core/state.ts";
import { caucusSide } from "../caucus/caucusMembership.ts";
import { randomSecret } from "./janusConfig.ts";
import { MediaError, type MediaPeer } from "./mediaRelay.ts";

interface Member {
  connectionId: string;
  handle: AudioBridgeHandle;
}

interface SideRoom {
  id: number;
  secret: string;
  pin: string;
  /** By participant: one microphone per person (a second join replaces the first). */
  members: Map<string, Member>;
}

export interface CaucusAudioDeps {
  janusUrl: string;
  log: (message: string, error?: unknown) => void;
  /** Mutes (or no longer mutes) a participant's publisher in the meeting's main room. */
  withdraw: (meetingId: string, participantId: string, withdrawn: boolean) => Promise<void>;
}

/** Whether the side's caucus runs now (an entry without `endedAt`). */
export const caucusRunning = (state: MeetingState, side: Side): boolean =>
  state.kind === "bargaining" && state.bargaining.caucuses.some((caucus) => caucus.side === side && caucus.endedAt === null);

const key = (meetingId: string, side: Side) => `${meetingId}:${side}`;

export class CaucusAudio {
  private connection: Promise<{ connection: JanodeConnection; session: JanodeSession }> | undefined;
  private readonly rooms = new Map<string, Promise<SideRoom>>();
  /** Per meeting, operations run one at a time (join, leave, destroy). */
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(private readonly deps: CaucusAudioDeps) {}

  /**
   * Joins the participant to the side's room (created on first use) with the browser's offer;
   * returns Janus's answer. The caller has checked that the participant belongs to the side;
   * `running` is asked again in this meeting's queue, so a caucus that ended meanwhile (whose room
   * `committed` destroys in the same queue) is never joined: NO_CAUCUS.
   */
  join(meetingId: string, side: Side, peer: MediaPeer, offerSdp: string, running: () => Promise<boolean>): Promise<string> {
    return this.serialize(meetingId, async () => {
      if (!(await running())) throw new MediaError("NO_CAUCUS", "the caucus ended");
      await this.leaveNow(meetingId, peer.participantId, null);
      const room = await this.room(meetingId, side);
      const handle = await this.attach();
      try {
        await handle.join({ room: room.id, pin: room.pin, display: peer.participantId });
        const configured = await handle.configure({ jsep: { type: "offer", sdp: offerSdp } });
        if (!configured.jsep?.sdp) throw new Error("Janus gave no answer");
        room.members.set(peer.participantId, { connectionId: peer.connectionId, handle });
        await this.deps.withdraw(meetingId, peer.participantId, true);
        return configured.jsep.sdp;
      } catch (error) {
        await handle.detach().catch(() => undefined);
        throw error;
      }
    });
  }

  /** Leaves the room if this connection is the one that joined (also on disconnect). */
  leave(meetingId: string, peer: MediaPeer): Promise<void> {
    return this.serialize(meetingId, () => this.leaveNow(meetingId, peer.participantId, peer.connectionId));
  }

  /**
   * After each committed batch: a side's room whose caucus no longer runs is destroyed, and anyone
   * in it who is no longer that side's member (the roster changed) is dropped.
   */
  committed(meetingId: string, _events: readonly StoredEvent[], state: MeetingState): void {
    if (state.kind !== "bargaining" && !this.queues.has(meetingId)) return;
    for (const side of ["worker", "enterprise"] as const) {
      // In the meeting's queue: after any join that was waiting, so none can slip past the end.
      void this.serialize(meetingId, async () => {
        if (!this.rooms.has(key(meetingId, side))) return;
        if (!caucusRunning(state, side)) return this.destroy(meetingId, side);
        const room = await this.rooms.get(key(meetingId, side))?.catch(() => undefined);
        for (const participantId of [...(room?.members.keys() ?? [])]) {
          const entry = state.roster.find((p) => p.id === participantId);
          if (!entry || caucusSide(entry, false) !== side) await this.leaveNow(meetingId, participantId, null);
        }
      }).catch((error: unknown) => this.deps.log(`caucus audio of meeting ${meetingId} (${side}) could not follow the meeting`, error));
    }
  }

  /** For tests and diagnostics: the side's room at Janus (null: none), and who is in it as Janus lists them. */
  async inspect(meetingId: string, side: Side): Promise<{ room: number; pin: string; participants: string[] } | null> {
    const room = await this.rooms.get(key(meetingId, side))?.catch(() => undefined);
    if (!room) return null;
    const handle = await this.attach();
    try {
      const { participants } = await handle.listParticipants({ room: room.id, secret: room.secret });
      return { room: room.id, pin: room.pin, participants: participants.map((p) => p.display ?? String(p.feed)).sort() };
    } finally {
      await handle.detach().catch(() => undefined);
    }
  }

  /** Janus went away: its rooms and handles are gone (the relay forgets who was withdrawn). */
  reset(): void {
    const old = this.connection;
    this.connection = undefined;
    this.rooms.clear();
    void old?.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reset();
  }

  private async leaveNow(meetingId: string, participantId: string, connectionId: string | null): Promise<void> {
    for (const side of ["worker", "enterprise"] as const) {
      const room = await this.rooms.get(key(meetingId, side))?.catch(() => undefined);
      const member = room?.members.get(participantId);
      if (!room || !member || (connectionId !== null && member.connectionId !== connectionId)) continue;
      room.members.delete(participantId);
      await member.handle.detach().catch(() => undefined);
      await this.deps.withdraw(meetingId, participantId, false);
    }
  }

  /** Destroys the side's room at Janus (Janus drops everyone in it), then forgets it. */
  private async destroy(meetingId: string, side: Side): Promise<void> {
    const pending = this.rooms.get(key(meetingId, side));
    this.rooms.delete(key(meetingId, side));
    const room = await pending?.catch(() => undefined);
    if (!room) return;
    const handle = await this.attach();
    try {
      await handle.destroy({ room: room.id, secret: room.secret });
    } finally {
      await handle.detach().catch(() => undefined);
      for (const [participantId, member] of room.members) {
        await member.handle.detach().catch(() => undefined);
        await this.deps.withdraw(meetingId, participantId, false);
      }
    }
  }

  private room(meetingId: string, side: Side): Promise<SideRoom> {
    let room = this.rooms.get(key(meetingId, side));
    if (!room) {
      room = (async () => {
        const handle = await this.attach();
        try {
          const created: SideRoom = { id: randomInt(1, 2 ** 47), secret: randomSecret(), pin: randomSecret(), members: new Map() };
          await handle.create({
            room: created.id,
            secret: created.secret,
            pin: created.pin,
            is_private: true,
            permanent: false,
            description: `caucus ${side} of meeting ${meetingId}`,
            audiolevel_event: false,
            record: false,
          });
          return created;
        } finally {
          await handle.detach().catch(() => undefined);
        }
      })();
      this.rooms.set(key(meetingId, side), room);
      const created = room;
      created.catch((error: unknown) => {
        this.deps.log(`could not create the caucus audio room of meeting ${meetingId} (${side})`, error);
        if (this.rooms.get(key(meetingId, side)) === created) this.rooms.delete(key(meetingId, side));
      });
    }
    return room;
  }

  private serialize<T>(meetingId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(meetingId) ?? Promise.resolve()).then(work, work);
    this.queues.set(
      meetingId,
      next.catch(() => undefined),
    );
    return next;
  }

  private async attach(): Promise<AudioBridgeHandle> {
    if (this.closed) throw new MediaError("MEDIA_UNAVAILABLE", "caucus audio closed");
    this.connection ??= (async () => {
      const connection = await Janode.connect({ address: { url: this.deps.janusUrl }, max_retries: 0 });
      const forget = () => {
        void this.connection?.then(
          (c) => {
            if (c.connection === connection) this.reset();
          },
          () => undefined,
        );
      };
      connection.once(Janode.EVENT.CONNECTION_CLOSED, forget);
      connection.once(Janode.EVENT.CONNECTION_ERROR, forget);
      return { connection, session: await connection.create() };
    })();
    const current = this.connection;
    current.catch(() => {
      if (this.connection === current) this.connection = undefined;
    });
    const { session } = await current;
    return session.attach<AudioBridgeHandle>(AudioBridgePlugin);
  }
}
