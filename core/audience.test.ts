// Who receives the clerk's notes and poll results: the staff always; members, officials and
// observers (attendees) only while the organisers share the record (会议记录向委员公开); the room
// display never. A connection applies what it receives with the same evolve, so each test plays
// a "client" of each audience and compares its state with what it may know.
import { describe, expect, it } from "vitest";
import { audienceOf, differsByAudience, seesResult, stateFor, syncFor, type Audience } from "./audience.ts";
import { expandState, rosterTag } from "./compactState.ts";
import { evolve, type MeetingEvent, type StoredEvent } from "./meeting.ts";
import { computeResult } from "./poll/rules.ts";
import type { SyncPayload } from "./protocol.ts";
import { SYSTEM_ACTOR } from "./roles.ts";
import type { MeetingState } from "./state.ts";
import { configSync, decisionFields, entry, ev, given, givenExactly, OPENED, people, pollDefinition, stamp, suggestionFields, tally } from "../testing/core.ts";

const A = people.alice.participantId;
const B = people.bob.participantId;
const speech = entry("speech", `s-${A}`);
const NO_NOTES = { summaries: {}, suggestions: [], decisions: [] };
const RESULT = computeResult(
  pollDefinition({ secret: true }),
  [
    { id: "yes", label: "赞成" },
    { id: "no", label: "反对" },
    { id: "abstain", label: "弃权" },
  ],
  [A, B].map((id) => ({ unitId: id, participantIds: [id], weight: 1, household: null, present: true })),
  tally({ counts: { yes: 2 } }),
  null,
);

/** Alice spoke; the clerk summarized her speech, captured a suggestion and a decision. */
const SPOKEN: MeetingEvent[] = [
  ev.arrived([A, B], "online"),
  ev.started(A, { at: 10 }),
  ev.ended(A, { at: 70, durationMs: 60, overrunMs: 0, endedBy: "p-chair" }),
];
const NOTES: MeetingEvent[] = [
  ev.summarized(speech, "建议加装电梯"),
  ev.suggestionCaptured("sg1", speech, suggestionFields({ title: "加装电梯", department: "区住建委" })),
  ev.decisionAdded("d1", null, decisionFields({ text: "形成协商意见" })),
];
/** A secret poll closed, its result not published yet. */
const POLL: MeetingEvent[] = [ev.pollCreated("q1", pollDefinition({ secret: true })), ev.pollOpened("q1", 100), ev.pollClosed("q1", RESULT, { at: 200 })];
const shared = (on: boolean): MeetingEvent => ({ type: "record.sharedSet", shared: on });

/** A connection: applies a sync (events one by one, refusing gaps) like the browser does. */
function receive(state: MeetingState, sync: SyncPayload): MeetingState {
  if (sync.kind === "snapshot") return sync.state;
  if (sync.kind === "compact") {
    // The roster did not change here: the one the client holds is the one the snapshot names.
    expect(sync.state.roster.tag).toBe(rosterTag(state.roster));
    return expandState(sync.state, state.roster);
  }
  return sync.events.reduce((s, e) => {
    expect(e.seq, "no gap").toBe(s.seq + 1);
    return evolve(s, e);
  }, state);
}

/** Commits `events` after `state` the way the room does and returns what `audience` receives. */
function commit(state: MeetingState, events: readonly MeetingEvent[], audience: Audience): { after: MeetingState; sync: SyncPayload } {
  const stored = stamp(state.seq, events, 500, null);
  const after = stored.reduce(evolve, state);
  return { after, sync: syncFor({ kind: "events", events: stored }, audience, after) };
}

const noteTypes = (sync: SyncPayload): string[] => (sync.kind === "events" ? sync.events.map((e) => e.event.type).filter((t) => t.startsWith("record.")) : []);

describe("seesResult: one publication rule for a poll's result and its ballots", () => {
  it.each([
    ["draft", "staff", false],
    ["open", "staff", false],
    ["closed", "staff", true],
    ["published", "staff", true],
    ["closed", "attendee", false],
    ["published", "attendee", true],
    ["closed", "display", false],
    ["published", "display", true],
  ] as const)("%s poll, %s → %s", (status, audience, sees) => {
    expect(seesResult({ status }, audience)).toBe(sees);
  });
});

describe("audienceOf", () => {
  it.each([
    ["chair", false, "staff"],
    ["clerk", false, "staff"],
    ["member", false, "attendee"],
    ["official", false, "attendee"],
    ["observer", false, "attendee"],
    ["observer", true, "display"],
    ["chair", true, "display"],
  ] as const)("%s (display %s) → %s", (role, display, audience) => {
    expect(audienceOf(role, display)).toBe(audience);
  });
});

describe("the record not shared (the default)", () => {
  const base = given(...SPOKEN).state;
  it("attendees and the display receive record.withheld in place of each note, with the same seq; the staff the notes", () => {
    for (const audience of ["attendee", "display"] as const) {
      const { after, sync } = commit(base, NOTES, audience);
      expect(noteTypes(sync)).toEqual(["record.withheld", "record.withheld", "record.withheld"]);
      const theirs = receive(stateFor(base, audience), sync);
      expect(theirs.seq).toBe(after.seq);
      expect(theirs.notes).toEqual(NO_NOTES);
      expect(JSON.stringify(sync)).not.toContain("加装电梯");
    }
    const { after, sync } = commit(base, NOTES, "staff");
    expect(receive(base, sync)).toEqual(after);
    expect(after.notes.suggestions).toHaveLength(1);
  });

  it("a snapshot carries no notes except for the staff", () => {
    const state = given(...SPOKEN, ...NOTES).state;
    expect(state.recordShared).toBe(false);
    for (const audience of ["attendee", "display"] as const) {
      const sync = syncFor({ kind: "snapshot", state }, audience, state);
      expect(sync.kind === "compact" && sync.state.notes).toEqual(NO_NOTES);
    }
    expect(syncFor({ kind: "snapshot", state }, "staff", state)).toEqual({ kind: "snapshot", state });
  });
});

describe("the record shared with members (会议记录向委员公开)", () => {
  const base = given(...SPOKEN, shared(true)).state;
  it("attendees receive every note in full, live and in snapshots; the display still record.withheld", () => {
    const attendee = commit(base, NOTES, "attendee");
    expect(attendee.sync).toEqual({ kind: "events", events: stamp(base.seq, NOTES, 500, null) });
    const theirs = receive(stateFor(base, "attendee"), attendee.sync);
    expect(theirs).toEqual(attendee.after);
    expect(theirs.notes.suggestions[0]).toMatchObject({
      title: "加装电梯",
      text: "建议增设电梯。",
      topic: "城市更新",
      department: "区住建委",
      participantId: A,
    });
    expect(theirs.notes.summaries[`speech:s-${A}`]?.text).toBe("建议加装电梯");
    expect(theirs.notes.decisions[0]?.text).toBe("形成协商意见");

    const display = commit(base, NOTES, "display");
    expect(noteTypes(display.sync)).toEqual(["record.withheld", "record.withheld", "record.withheld"]);
    expect(receive(stateFor(base, "display"), display.sync).notes).toEqual(NO_NOTES);

    const snapshot = syncFor({ kind: "snapshot", state: attendee.after }, "attendee", attendee.after);
    expect(snapshot.kind === "compact" && snapshot.state.notes).toEqual(attendee.after.notes);
    const forDisplay = syncFor({ kind: "snapshot", state: attendee.after }, "display", attendee.after);
    expect(forDisplay.kind === "compact" && forDisplay.state.notes).toEqual(NO_NOTES);
  });

  it("a closed poll's result stays with the staff until published, shared or not", () => {
    const { after, sync } = commit(base, POLL, "attendee");
    expect(sync.kind === "events" && sync.events.at(-1)?.event).toMatchObject({ type: "poll.closed", result: null });
    expect(stateFor(after, "attendee").polls[0]?.result).toBeNull();
    expect(after.polls[0]?.result).toEqual(RESULT);
    expect(JSON.stringify(syncFor({ kind: "snapshot", state: after }, "attendee", after))).not.toContain('"passed"');
  });

  it("events without a note, a poll result or the sharing go out alike to everyone", () => {
    expect(differsByAudience(stamp(0, [ev.arrived([A])], 0, null))).toBe(false);
    for (const event of [NOTES[0]!, POLL[2]!, shared(true)]) expect(differsByAudience(stamp(0, [event], 0, null))).toBe(true);
  });
});

describe("a proxy's authorisation (委托依据)", () => {
  const proxy: MeetingEvent = {
    type: "poll.proxyRecorded",
    pollId: "q1",
    unitId: B,
    holderId: A,
    holderName: A,
    note: "身份证号 6401…，委托书已存档",
    evidence: "photo-1",
    by: people.clerk.participantId,
  };
  const open = given(ev.arrived([A, B], "online"), ev.pollCreated("q1"), ev.pollOpened("q1", 100)).state;

  it("stays with the staff: everyone else (the holder's phone too) learns who holds whose proxy, live and in snapshots", () => {
    for (const audience of ["attendee", "display"] as const) {
      const { after, sync } = commit(open, [proxy], audience);
      const seen = receive(open, sync);
      expect(seen.polls[0]!.proxies).toEqual([{ unitId: B, holderId: A, holderName: A, note: "", evidence: null, by: people.clerk.participantId }]);
      expect(stateFor(after, audience)).toEqual(seen);
      expect(JSON.stringify(syncFor({ kind: "snapshot", state: after }, audience, after))).not.toMatch(/身份证|photo-1/);
    }
    const staff = commit(open, [proxy], "staff");
    expect(receive(open, staff.sync).polls[0]!.proxies[0]).toMatchObject({ note: "身份证号 6401…，委托书已存档", evidence: "photo-1" });
    expect(differsByAudience(stamp(0, [proxy], 0, null))).toBe(true);
  });
});

describe("the seats of a plenary's groups (分组讨论)", () => {
  const chair = { participantId: people.chair.participantId, role: "chair" } as const;
  const groups = [
    { groupId: "g1", name: "第一组", topic: null, place: null, convenerId: A, clerkId: null, memberIds: [A] },
    { groupId: "g2", name: "第二组", topic: null, place: null, convenerId: B, clerkId: null, memberIds: [B] },
  ];
  const defined = given({ type: "groups.defined", method: "hand", groups, by: chair.participantId }).state;
  const opened: MeetingEvent = {
    type: "groups.opened",
    at: 100,
    groups: [
      { groupId: "g1", meetingId: "m1", memberIds: [A], seats: [{ participantId: A, seatId: "seat-a", role: "chair" }] },
      { groupId: "g2", meetingId: "m2", memberIds: [B], seats: [{ participantId: B, seatId: "seat-b", role: "chair" }] },
    ],
  };

  it("stay with the staff: everyone else learns who is in which group's meeting, not the seats (groups.enter gives one's own)", () => {
    for (const audience of ["attendee", "display"] as const) {
      const { after, sync } = commit(defined, [opened], audience);
      const seen = receive(defined, sync);
      expect(seen.groups.groups.map((g) => [g.meetingId, g.memberIds, g.seats])).toEqual([
        ["m1", [A], []],
        ["m2", [B], []],
      ]);
      expect(stateFor(after, audience)).toEqual(seen);
      expect(JSON.stringify(syncFor({ kind: "snapshot", state: after }, audience, after))).not.toMatch(/seat-/);
    }
    expect(receive(defined, commit(defined, [opened], "staff").sync).groups.groups[0]!.seats).toEqual([{ participantId: A, seatId: "seat-a", role: "chair" }]);
    expect(differsByAudience(stamp(0, [opened], 0, null))).toBe(true);
  });
});

describe("sharing switched during the meeting", () => {
  // The notes were written while not shared: an attendee holds none of them.
  const before = given(...SPOKEN, ...NOTES).state;
  const on = { ...configSync(), recordShared: true };

  it("config.sync turns it on with record.sharedSet; attendees get a snapshot with the earlier notes, then notes live", () => {
    const decided = givenExactly(...OPENED, ...SPOKEN, ...NOTES).when(on, SYSTEM_ACTOR);
    expect(decided.events).toEqual([shared(true)]);
    const member = stateFor(before, "attendee");
    const { after, sync } = commit(before, decided.events, "attendee");
    expect(sync.kind).toBe("compact");
    const theirs = receive(member, sync);
    expect(theirs.recordShared).toBe(true);
    expect(theirs.notes).toEqual(before.notes);
    expect(theirs.seq).toBe(after.seq);
    // From now on the notes come as events and the member keeps up with the clerk.
    const next = commit(after, [ev.summarized(speech, "建议加装电梯，资金多方分担", { version: 2 })], "attendee");
    // A compact snapshot does not carry when each attendance began (no attendee's screen shows it).
    expect(receive(theirs, next.sync)).toEqual({
      ...next.after,
      attendance: { [A]: { ...next.after.attendance[A], since: 0 }, [B]: { ...next.after.attendance[B], since: 0 } },
    });
    // The display is not affected: it receives the switch as an event and still no notes.
    const display = commit(before, decided.events, "display");
    expect(display.sync).toMatchObject({ kind: "events" });
    expect(receive(stateFor(before, "display"), display.sync).notes).toEqual(NO_NOTES);
  });

  it("turning it off: attendees get a snapshot without the notes, later notes are withheld", () => {
    const sharedState = given(...SPOKEN, shared(true), ...NOTES).state;
    const { after, sync } = commit(sharedState, [shared(false)], "attendee");
    const theirs = receive(sharedState, sync);
    expect(sync.kind).toBe("compact");
    expect(theirs.notes).toEqual(NO_NOTES);
    expect(noteTypes(commit(after, [ev.decisionWithdrawn("d1")], "attendee").sync)).toEqual(["record.withheld"]);
  });

  it("a member catching up across the switch gets a snapshot; after it, the missed events in full", () => {
    const log: StoredEvent[] = stamp(
      0,
      [...OPENED, ...SPOKEN, ...NOTES, shared(true), ev.summarized(entry("speech", `s-${A}`), "第二稿", { version: 2 })],
      0,
      null,
    );
    const state = log.reduce(evolve, givenExactly().state);
    const switchAt = log.findIndex((e) => e.event.type === "record.sharedSet");
    const across = syncFor({ kind: "events", events: log.slice(switchAt - 1) }, "attendee", state);
    expect(across.kind === "compact" && across.state.notes).toEqual(state.notes);
    const afterSwitch = syncFor({ kind: "events", events: log.slice(switchAt + 1) }, "attendee", state);
    expect(afterSwitch).toEqual({ kind: "events", events: log.slice(switchAt + 1) });
    // The display's catch-up across the switch stays events, the notes withheld.
    const display = syncFor({ kind: "events", events: log.slice(switchAt - 1) }, "display", state);
    expect(noteTypes(display)).toEqual(["record.withheld", "record.sharedSet", "record.withheld"]);
  });
});

describe("the transcript (速记稿) is part of the record; the live caption goes to everyone", () => {
  const OBS = people.observer.participantId;
  const line = (lineId: string, entryId: string, text: string): MeetingEvent => ({
    type: "transcript.appended",
    lineId,
    entry: { kind: "speech", id: entryId },
    text,
    by: OBS,
    at: 100,
    offsetMs: 90,
    source: "steno",
  });
  const drafted: MeetingEvent = {
    type: "transcript.drafted",
    entry: { kind: "speech", id: `s-${A}` },
    engine: "pocketsphinx",
    at: 200,
    lines: [{ lineId: "m1", text: "machine draft", startMs: 0, endMs: 900 }],
  };
  const corrected: MeetingEvent = { type: "transcript.corrected", lineId: "l1", text: "改正后的第一句", by: people.clerk.participantId, version: 2 };
  // Alice spoke (line l1 typed, later drafted and corrected); Bob holds the floor now (line l2).
  const EARLIER: MeetingEvent[] = [{ type: "stenography.assigned", participantId: OBS }, ...SPOKEN.slice(0, 2), line("l1", `s-${A}`, "第一句")];
  const NOW_SPEAKING: MeetingEvent[] = [...SPOKEN.slice(2), ev.requested(B), ev.started(B, { at: 80 }), line("l2", `s-${B}`, "第二位发言")];
  const texts = (s: MeetingState) => s.transcript.map((l) => l.text);

  it("a typed line goes to every audience as it is (no audience differs)", () => {
    const base = given(...EARLIER.slice(0, 3)).state;
    expect(differsByAudience(stamp(0, [line("l1", `s-${A}`, "第一句")], 0, null))).toBe(false);
    for (const audience of ["staff", "attendee", "display"] as const) {
      const { after, sync } = commit(base, [line("l1", `s-${A}`, "第一句")], audience);
      expect(texts(receive(stateFor(base, audience), sync))).toEqual(texts(after));
    }
  });

  it("corrections and machine drafts are withheld like the clerk's notes from attendees (not shared) and the display", () => {
    const base = given(...EARLIER, ...NOW_SPEAKING).state;
    for (const event of [drafted, corrected]) expect(differsByAudience(stamp(0, [event], 0, null))).toBe(true);
    for (const audience of ["attendee", "display"] as const) {
      const { sync } = commit(base, [drafted, corrected], audience);
      expect(sync.kind === "events" && sync.events.map((e) => e.event.type)).toEqual(["record.withheld", "record.withheld"]);
      expect(JSON.stringify(sync)).not.toMatch(/machine draft|改正后/);
    }
    const staff = commit(base, [drafted, corrected], "staff");
    expect(texts(receive(base, staff.sync))).toEqual(["改正后的第一句", "第二位发言", "machine draft"]);
  });

  it("a snapshot keeps only the lines of the entry holding the floor, except for the staff (and attendees of a shared record)", () => {
    const state = given(...EARLIER, ...NOW_SPEAKING, drafted, corrected).state;
    for (const audience of ["attendee", "display"] as const) {
      const sync = syncFor({ kind: "snapshot", state }, audience, state);
      expect(sync.kind === "compact" && sync.state.transcript.map((l) => l.text)).toEqual(["第二位发言"]);
      expect(texts(stateFor(state, audience))).toEqual(["第二位发言"]);
    }
    expect(texts(stateFor(state, "staff"))).toEqual(["改正后的第一句", "第二位发言", "machine draft"]);
    const sharedState = given(...EARLIER, ...NOW_SPEAKING, drafted, corrected, shared(true)).state;
    expect(texts(stateFor(sharedState, "attendee"))).toEqual(["改正后的第一句", "第二位发言", "machine draft"]);
    expect(texts(stateFor(sharedState, "display"))).toEqual(["第二位发言"]);
    // Nobody holds the floor: no captions at all.
    const idle = given(...EARLIER, ...SPOKEN.slice(2)).state;
    expect(stateFor(idle, "attendee").transcript).toEqual([]);
    expect(stateFor(idle, "display").transcript).toEqual([]);
  });

  it("a correction of a live line stays with those who see the record: the snapshot has the line as typed", () => {
    const fixLive: MeetingEvent = { type: "transcript.corrected", lineId: "l2", text: "第二位委员发言", by: people.clerk.participantId, version: 2 };
    const state = given(...EARLIER, ...NOW_SPEAKING, fixLive).state;
    for (const audience of ["attendee", "display"] as const) {
      expect(stateFor(state, audience).transcript).toEqual([{ ...state.transcript[1]!, text: "第二位发言", version: 1, history: [] }]);
    }
    expect(texts(stateFor(given(...EARLIER, ...NOW_SPEAKING, fixLive, shared(true)).state, "attendee"))).toEqual(["第一句", "第二位委员发言"]);
  });

  it("switching the sharing on gives attendees the whole transcript; off takes it back", () => {
    const base = given(...EARLIER, ...NOW_SPEAKING).state;
    const on = commit(base, [shared(true)], "attendee");
    expect(texts(receive(stateFor(base, "attendee"), on.sync))).toEqual(["第一句", "第二位发言"]);
    const off = commit(on.after, [shared(false)], "attendee");
    expect(texts(receive(stateFor(on.after, "attendee"), off.sync))).toEqual(["第二位发言"]);
  });
});
