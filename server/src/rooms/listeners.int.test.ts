// The rooms' listeners (RoomListener, set with RoomRegistry.listen as server.ts does): each turn
// asks them for the decision's context, then tells them of the committed batch, in the order
// listed; a reopened room is announced to them. A real server's SQLite log and meeting store.
import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import type { Command, StoredEvent } from "../../../core/meeting.ts";
import type { MeetingState } from "../../../core/state.ts";
import { Harness } from "../../../testing/server/harness.ts";
import type { MeetingRoom, RoomListener } from "./meetingRoom.ts";
import { RoomRegistry } from "./roomRegistry.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** A listener that writes down what it is told, under its name. */
function recorder(name: string, calls: string[]): RoomListener {
  return {
    decideContext: (state: MeetingState, command: Command) => {
      calls.push(`${name} decide ${command.type} at ${state.seq}`);
      return {};
    },
    committed: (_meetingId: string, events: readonly StoredEvent[], state: MeetingState) => {
      calls.push(`${name} committed ${events.map((e) => e.seq).join(",")} state ${state.seq}`);
    },
    opened: (room: MeetingRoom) => {
      calls.push(`${name} opened at ${room.current.seq}`);
    },
  };
}

it("asks and tells its listeners in the order listed: decision context, committed batch, opened room", async () => {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, "监听顺序");
  const registry = new RoomRegistry({
    store: srv.server.store,
    now: Date.now,
    newId: randomUUID,
    log: () => {},
    loadConfig: (id) => srv.server.meetings.liveConfig(id),
  });
  await expect(registry.get(meeting.meetingId)).rejects.toThrow(/before its listeners were set/);

  const calls: string[] = [];
  registry.listen([recorder("first", calls), { committed: (_id, events) => calls.push(`second committed ${events.length}`) }, recorder("third", calls)]);
  expect(() => registry.listen([])).toThrow(/set once/);

  const room = await registry.get(meeting.meetingId);
  const synced = room.current.seq;
  expect(synced).toBeGreaterThan(0);
  const seqs = Array.from({ length: synced }, (_, i) => i + 1).join(",");
  expect(calls).toEqual([
    "first decide config.sync at 0",
    "third decide config.sync at 0",
    `first committed ${seqs} state ${synced}`,
    `second committed ${synced}`,
    `third committed ${seqs} state ${synced}`,
    `first opened at ${synced}`,
    `third opened at ${synced}`,
  ]);

  calls.length = 0;
  const result = await room.submit({ participantId: meeting.people.chair.id, role: "chair" }, { type: "meeting.open" });
  expect(result).toEqual({ ok: true, value: { seq: synced + 1 } });
  expect(calls).toEqual([
    `first decide meeting.open at ${synced}`,
    `third decide meeting.open at ${synced}`,
    `first committed ${synced + 1} state ${synced + 1}`,
    "second committed 1",
    `third committed ${synced + 1} state ${synced + 1}`,
  ]);

  // A refused command commits nothing: the listeners were asked, never told.
  calls.length = 0;
  const refused = await room.submit({ participantId: meeting.people.chair.id, role: "chair" }, { type: "meeting.open" });
  expect(refused.ok).toBe(false);
  expect(calls).toEqual([`first decide meeting.open at ${synced + 1}`, `third decide meeting.open at ${synced + 1}`]);
});

it("a listener's decision context reaches the decision, but never replaces who, when or the ids", async () => {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, "决定上下文");
  const registry = new RoomRegistry({
    store: srv.server.store,
    now: () => 1_780_000_000_000,
    newId: randomUUID,
    log: () => {},
    loadConfig: (id) => srv.server.meetings.liveConfig(id),
  });
  // A listener trying to pass itself off as another actor at another time.
  registry.listen([{ decideContext: () => ({ actor: { participantId: "someone-else", role: "chair" }, now: 1 }) as never }]);
  const room = await registry.get(meeting.meetingId);
  const result = await room.submit({ participantId: meeting.people.chair.id, role: "chair" }, { type: "meeting.open" });
  expect(result.ok).toBe(true);
  const events = await srv.server.store.load(meeting.meetingId);
  const opened = events.at(-1)!;
  expect(opened).toMatchObject({ actorId: meeting.people.chair.id, at: 1_780_000_000_000, event: { type: "meeting.opened" } });
});

it("a listener that throws after a commit is logged; the later listeners are still told and the command succeeds", async () => {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, "监听失败");
  const logged: string[] = [];
  const registry = new RoomRegistry({
    store: srv.server.store,
    now: Date.now,
    newId: randomUUID,
    log: (message) => logged.push(message),
    loadConfig: (id) => srv.server.meetings.liveConfig(id),
  });
  const told: number[] = [];
  registry.listen([
    {
      committed: () => {
        throw new Error("archive down");
      },
    },
    { committed: (_id, events) => told.push(...events.map((e) => e.seq)) },
  ]);
  const room = await registry.get(meeting.meetingId);
  told.length = 0;
  const result = await room.submit({ participantId: meeting.people.chair.id, role: "chair" }, { type: "meeting.open" });
  expect(result).toEqual({ ok: true, value: { seq: room.current.seq } });
  expect(told).toEqual([room.current.seq]);
  expect(logged.some((m) => m.includes("listener failed") && m.includes(meeting.meetingId))).toBe(true);
  expect((await srv.server.store.load(meeting.meetingId)).at(-1)?.event.type).toBe("meeting.opened");
});
