// Greeting connections: welcome, the catch-up (`sync`), and joining the broadcast groups, all in
// one turn of the meeting's actor so that each connection receives exactly the events after its
// catch-up. Connections arriving close together (a whole plenary joining at once, or all
// reconnecting after a restart) are greeted in the same turn: the catch-up is encoded once per
// (what was missed, audience) and written with one emit to all their sockets, instead of once
// per socket; only `welcome` (it names the person) is per socket.
import { audienceOf, syncFor, type Audience } from "../../../core/audience.ts";
import { actingRole } from "../../../core/bargaining/chairing.ts";
import type { SyncPayload, Welcome } from "../../../core/protocol.ts";
import type { JoinCache } from "../meetings/joinCache.ts";
import type { BallotBox } from "../polls/ballotBox.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";
import { roomsOf, type GatewayServer, type GatewaySocket } from "./connection.ts";

interface Waiting {
  socket: GatewaySocket;
  lastSeq: number | undefined;
  /** true once greeted; false when the socket went away before its turn (nothing was sent). */
  done: (greeted: boolean) => void;
  failed: (error: unknown) => void;
}

export interface GreeterDeps {
  rooms: RoomRegistry;
  joins: JoinCache;
  ballots: BallotBox;
  mediaAvailable: () => boolean;
}

/**
 * While a meeting's connections keep arriving, those of this long are greeted together: the
 * first after a quiet spell is greeted at once, the following ones at most this often.
 */
const GREETING_WINDOW_MS = 50;

export class Greeter {
  private readonly waiting = new Map<string, Waiting[]>();
  /** When each meeting's last greeting turn was scheduled to run (performance.now()). */
  private readonly last = new Map<string, number>();

  constructor(
    private readonly io: GatewayServer,
    private readonly deps: GreeterDeps,
  ) {}

  /** Greets the socket in the next greeting turn of its meeting. */
  greet(socket: GatewaySocket, lastSeq: number | undefined): Promise<boolean> {
    const { meetingId } = socket.data;
    return new Promise((done, failed) => {
      let queue = this.waiting.get(meetingId);
      if (!queue) {
        queue = [];
        this.waiting.set(meetingId, queue);
        // At least after this round of I/O: the connections read from the network meanwhile share the turn.
        const wait = Math.max(0, (this.last.get(meetingId) ?? -Infinity) + GREETING_WINDOW_MS - performance.now());
        this.last.set(meetingId, performance.now() + wait);
        if (wait > 0) setTimeout(() => void this.flush(meetingId), wait);
        else setImmediate(() => void this.flush(meetingId));
      }
      queue.push({ socket, lastSeq, done, failed });
    });
  }

  private async flush(meetingId: string): Promise<void> {
    let batch: Waiting[] | undefined;
    try {
      const room = await this.deps.rooms.local(meetingId);
      const meeting = await this.deps.joins.info(meetingId);
      if (!meeting) throw new Error(`meeting ${meetingId} vanished`);
      const turn = await room.catchUp((state, missed) => {
        // Everyone waiting until now, including those that arrived while the turn was queued.
        batch = this.waiting.get(meetingId) ?? [];
        this.waiting.delete(meetingId);
        const groups = new Map<SyncPayload, Map<Audience, string[]>>();
        const greeted = new Set<Waiting>();
        for (const waiting of batch) {
          const { socket } = waiting;
          if (socket.disconnected) continue;
          // In the actor's turn: a roster change committed before is in socket.data.me, a later one greets again (rosterChanges.ts).
          const { me, display, venue } = socket.data;
          const welcome: Welcome = { meeting, me, display, venue, media: { available: this.deps.mediaAvailable() } };
          socket.data.welcome = welcome;
          socket.emit("welcome", welcome);
          // The role it acts in now: in a bargaining session the presiding chief is the chair (core/bargaining/chairing.ts).
          const role = actingRole(state, me);
          void socket.join(roomsOf(meetingId, { ...me, role }, display));
          const sync = missed(waiting.lastSeq);
          const byAudience = groups.get(sync) ?? new Map<Audience, string[]>();
          groups.set(sync, byAudience);
          const audience = audienceOf(role, display);
          const ids = byAudience.get(audience) ?? [];
          byAudience.set(audience, ids);
          ids.push(socket.id);
          greeted.add(waiting);
        }
        // One encoding per (catch-up, audience): socket.io encodes a broadcast once for all its sockets.
        for (const [sync, byAudience] of groups) {
          for (const [audience, ids] of byAudience) this.io.to(ids).emit("sync", syncFor(sync, audience, state));
        }
        return { greeted, state };
      });
      // The turnout of an open poll is otherwise sent only when the next ballot arrives.
      const ids = [...turn.greeted].map((w) => w.socket.id);
      // Who has voted in the open named polls: to the staff only (chair and clerk, not the display); before the turnout.
      const staff = [...turn.greeted]
        .filter((w) => audienceOf(actingRole(turn.state, w.socket.data.me), w.socket.data.display) === "staff")
        .map((w) => w.socket.id);
      if (staff.length) for (const voters of await this.deps.ballots.votersOfOpenPolls(turn.state)) this.io.to(staff).emit("poll.voters", voters);
      if (ids.length) for (const turnout of await this.deps.ballots.turnoutOfOpenPolls(turn.state)) this.io.to(ids).emit("poll.turnout", turnout);
      for (const waiting of batch ?? []) waiting.done(turn.greeted.has(waiting));
    } catch (error) {
      // The turn never ran: everyone waiting fails (a new queue starts a new turn).
      if (!batch) {
        batch = this.waiting.get(meetingId) ?? [];
        this.waiting.delete(meetingId);
      }
      for (const waiting of batch) waiting.failed(error);
    }
  }
}
