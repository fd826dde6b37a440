// Private audio rooms of a meeting (docs/media.md#private-audio): a bargaining side's caucus
// (背靠背, caucus/caucusAudioHandlers.ts) and a mediation session's separate talk (单独谈话,
// mediation/session/talkAudioHandlers.ts). Each is a Janus AudioBridge room (one mix, audio only),
// keyed by a string within its meeting, that our server creates with a random secret and pin kept
// only in its memory, so nobody can join except through our server, which checks the socket's
// participant first. The kind's rule travels with the room (PrivateRoomRule): whether the room may
// still exist, and who may stay in it. While someone is in a room their microphone is muted in the
// meeting's main room (MediaRelay.withdraw). The room is destroyed — everyone in it dropped — when
// its rule says it is over (a RoomListener).
import AudioBridgePlugin, { type AudioBridgeHandle } from "janode/plugins/audiobridge";
import { randomInt } from "node:crypto";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { MeetingState } from "../../../core/state.ts";
import { randomSecret } from "./janusConfig.ts";
import { MediaError } from "./janusErrors.ts";
import { JanusLink } from "./janusLink.ts";
import { MeetingQueues } from "./meetingQueues.ts";
import type { MediaPeer } from "./mediaRelay.ts";

/** Which private room, and the rule of its kind. */
export interface PrivateRoomRule {
  /** Unique within the meeting: "caucus:worker", "talk:<partyId>:<startedAt>". */
  key: string;
  /** Whether the room may exist in this state (its caucus or talk runs); false destroys it. */
  open: (state: MeetingState) => boolean;
  /** Whether this participant may stay in it in this state (the roster may have changed). */
  member: (state: MeetingState, participantId: string) => boolean;
  /** The refusal when the room is no longer open at the moment Janus would be asked. */
  closedCode: "NO_CAUCUS" | "NO_SEPARATE_TALK";
}

interface Member {
  connectionId: string;
  handle: AudioBridgeHandle;
}

interface Room {
  id: number;
  secret: string;
  pin: string;
  rule: PrivateRoomRule;
  /** By participant: one microphone per person (a second join replaces the first). */
  members: Map<string, Member>;
}

export interface PrivateAudioDeps {
  janusUrl: string;
  log: (message: string, error?: unknown) => void;
  /** Mutes (or no longer mutes) a participant's publisher in the meeting's main room. */
  withdraw: (meetingId: string, participantId: string, withdrawn: boolean) => Promise<void>;
}

export class PrivateAudio {
  private readonly link: JanusLink;
  /** By meeting, then by the room's key. */
  private readonly rooms = new Map<string, Map<string, Promise<Room>>>();
  /** Per meeting, operations run one at a time (join, leave, destroy). */
  private readonly queues = new MeetingQueues();

  constructor(private readonly deps: PrivateAudioDeps) {
    this.link = new JanusLink(deps.janusUrl, () => this.reset());
  }

  /**
   * Joins the participant to the room (created on first use) with the browser's offer; returns
   * Janus's answer. The caller has checked the participant against the rule; `allowed` is asked
   * again in this meeting's queue, so a caucus or talk that ended meanwhile (whose room `committed`
   * destroys in the same queue) is never joined: the rule's closedCode. One room per person at a
   * time: joining leaves any other private room of the meeting first.
   */
  join(meetingId: string, rule: PrivateRoomRule, peer: MediaPeer, offerSdp: string, allowed: () => Promise<boolean>): Promise<string> {
    return this.queues.run(meetingId, async () => {
      if (!(await allowed())) throw new MediaError(rule.closedCode, `${rule.key} is over`);
      await this.leaveNow(meetingId, peer.participantId, null);
      const room = await this.room(meetingId, rule);
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

  /** Leaves whichever private room this connection joined (also on disconnect). */
  leave(meetingId: string, peer: MediaPeer): Promise<void> {
    // Nobody ever asked to join in this meeting: nothing to leave. Otherwise after any join waiting.
    if (!this.queues.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, () => this.leaveNow(meetingId, peer.participantId, peer.connectionId));
  }

  /**
   * After each committed batch: a room whose rule says it is over is destroyed, and anyone in it
   * whom the rule no longer admits (the roster changed) is dropped.
   */
  committed(meetingId: string, _events: readonly StoredEvent[], state: MeetingState): void {
    // A join that was asked for has its queue: follow in it, after any join that was waiting, so
    // none can slip past the end.
    if (!this.queues.has(meetingId)) return;
    void this.queues
      .run(meetingId, async () => {
        for (const [key, pending] of [...(this.rooms.get(meetingId) ?? [])]) {
          const room = await pending.catch(() => undefined);
          if (!room) continue;
          if (!room.rule.open(state)) {
            await this.destroy(meetingId, key);
            continue;
          }
          for (const participantId of [...room.members.keys()]) {
            if (!room.rule.member(state, participantId)) await this.leaveNow(meetingId, participantId, null);
          }
        }
      })
      .catch((error: unknown) => this.deps.log(`private audio of meeting ${meetingId} could not follow the meeting`, error));
  }

  /** For tests and diagnostics: the room at Janus (null: none), and who is in it as Janus lists them. */
  async inspect(meetingId: string, key: string): Promise<{ room: number; pin: string; participants: string[] } | null> {
    const room = await this.rooms
      .get(meetingId)
      ?.get(key)
      ?.catch(() => undefined);
    if (!room) return null;
    const handle = await this.attach();
    try {
      const { participants } = await handle.listParticipants({ room: room.id, secret: room.secret });
      return { room: room.id, pin: room.pin, participants: participants.map((p) => p.display ?? String(p.feed)).sort() };
    } finally {
      await handle.detach().catch(() => undefined);
    }
  }

  /** For tests and diagnostics: the keys of the meeting's private rooms now. */
  keys(meetingId: string): string[] {
    return [...(this.rooms.get(meetingId)?.keys() ?? [])].sort();
  }

  /** Janus went away: its rooms and handles are gone (the relay forgets who was withdrawn). */
  reset(): void {
    this.link.drop();
    this.rooms.clear();
  }

  async close(): Promise<void> {
    this.rooms.clear();
    await this.link.close();
  }

  private async leaveNow(meetingId: string, participantId: string, connectionId: string | null): Promise<void> {
    for (const pending of [...(this.rooms.get(meetingId)?.values() ?? [])]) {
      const room = await pending.catch(() => undefined);
      const member = room?.members.get(participantId);
      if (!room || !member || (connectionId !== null && member.connectionId !== connectionId)) continue;
      room.members.delete(participantId);
      await member.handle.detach().catch(() => undefined);
      await this.deps.withdraw(meetingId, participantId, false);
    }
  }

  /** Destroys the room at Janus (Janus drops everyone in it), then forgets it. */
  private async destroy(meetingId: string, key: string): Promise<void> {
    const pending = this.forget(meetingId, key);
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

  private forget(meetingId: string, key: string): Promise<Room> | undefined {
    const meeting = this.rooms.get(meetingId);
    const pending = meeting?.get(key);
    meeting?.delete(key);
    if (meeting?.size === 0) this.rooms.delete(meetingId);
    return pending;
  }

  private room(meetingId: string, rule: PrivateRoomRule): Promise<Room> {
    const meeting = this.rooms.get(meetingId) ?? new Map<string, Promise<Room>>();
    this.rooms.set(meetingId, meeting);
    let room = meeting.get(rule.key);
    if (!room) {
      room = (async () => {
        const handle = await this.attach();
        try {
          const created: Room = { id: randomInt(1, 2 ** 47), secret: randomSecret(), pin: randomSecret(), rule, members: new Map() };
          await handle.create({
            room: created.id,
            secret: created.secret,
            pin: created.pin,
            is_private: true,
            permanent: false,
            description: `${rule.key.split(":")[0]} of meeting ${meetingId}`,
            audiolevel_event: false,
            record: false,
          });
          return created;
        } finally {
          await handle.detach().catch(() => undefined);
        }
      })();
      meeting.set(rule.key, room);
      const created = room;
      created.catch((error: unknown) => {
        this.deps.log(`could not create the private audio room ${rule.key} of meeting ${meetingId}`, error);
        if (this.rooms.get(meetingId)?.get(rule.key) === created) this.forget(meetingId, rule.key);
      });
    }
    return room;
  }

  private attach(): Promise<AudioBridgeHandle> {
    return this.link.attach<AudioBridgeHandle>(AudioBridgePlugin);
  }
}
