import { describe, expect, it } from "vitest";
import { initialGroups, type GroupProgress } from "@core/groups/schema.ts";
import type { MeetingState } from "@core/state.ts";
import { convenersToCall, groupSpeakerClock, recallRemainingMs } from "./groupsView.ts";

const progress = (over: Partial<GroupProgress> = {}): GroupProgress => ({
  status: "open",
  speakerId: "p1",
  speakerName: "王建国",
  speechStartedAt: 1_000,
  capMs: 180_000,
  pausedMs: 0,
  pausedAt: null,
  speeches: 0,
  ...over,
});

describe("groupSpeakerClock", () => {
  it("is null without a speaker or a cap", () => {
    expect(groupSpeakerClock(null, 5_000)).toBeNull();
    expect(groupSpeakerClock(progress({ speechStartedAt: null, capMs: null, speakerId: null, speakerName: null }), 5_000)).toBeNull();
  });
  it("counts the cap down from the start", () => {
    expect(groupSpeakerClock(progress(), 61_000)).toEqual({ remainingMs: 120_000, phase: "running", paused: false });
  });
  it("leaves paused time out, and freezes during a pause", () => {
    const paused = progress({ pausedMs: 10_000, pausedAt: 71_000 });
    expect(groupSpeakerClock(paused, 71_000)!.remainingMs).toBe(120_000);
    expect(groupSpeakerClock(paused, 91_000)).toEqual({ remainingMs: 120_000, phase: "running", paused: true });
  });
  it("warns in the last minute and counts over time", () => {
    expect(groupSpeakerClock(progress(), 150_000)!.phase).toBe("warning");
    expect(groupSpeakerClock(progress(), 191_000)).toEqual({ remainingMs: -10_000, phase: "overrun", paused: false });
  });
});

describe("recallRemainingMs", () => {
  it("is the time to the call back's end while recalling, never negative", () => {
    const recalling = { ...initialGroups(), phase: "recalling" as const, recallEndsAt: 300_000 };
    expect(recallRemainingMs(recalling, 180_000)).toBe(120_000);
    expect(recallRemainingMs(recalling, 400_000)).toBe(0);
    expect(recallRemainingMs({ ...initialGroups(), phase: "open" }, 1)).toBeNull();
  });
  it("counts whole seconds down: a clock 300 ms behind the server shows 5:00 of a 5-minute call back, not 5:01", () => {
    const recalling = { ...initialGroups(), phase: "recalling" as const, recallEndsAt: 300_000 };
    expect(recallRemainingMs(recalling, -300)).toBe(300_000);
    expect(recallRemainingMs(recalling, 500)).toBe(299_000);
  });
});

describe("convenersToCall", () => {
  const group = (groupId: string, convenerId: string) => ({
    groupId,
    name: groupId,
    topic: null,
    place: null,
    convenerId,
    clerkId: null,
    memberIds: [convenerId],
    meetingId: null,
    seats: [],
    progress: null,
    report: null,
  });
  const closed = { ...initialGroups(), phase: "closed" as const, closedAt: 1_000, groups: [group("g1", "a"), group("g2", "b"), group("g3", "c")] };
  const speech = (participantId: string, startedAt: number) => ({ participantId, startedAt }) as MeetingState["speeches"][number];

  it("lists the conveners neither queued, speaking nor heard since the close, in group order", () => {
    expect(convenersToCall({ groups: closed, queue: [], floor: null, speeches: [] })).toEqual(["a", "b", "c"]);
    const queue = [{ participantId: "b" }] as MeetingState["queue"];
    const floor = { participantId: "a" } as MeetingState["floor"];
    expect(convenersToCall({ groups: closed, queue, floor, speeches: [] })).toEqual(["c"]);
    // A speech before the close does not count as the report.
    expect(convenersToCall({ groups: closed, queue: [], floor: null, speeches: [speech("a", 500), speech("c", 1_500)] })).toEqual(["a", "b"]);
  });
  it("is empty unless the groups are closed", () => {
    expect(convenersToCall({ groups: { ...closed, phase: "open", closedAt: null }, queue: [], floor: null, speeches: [] })).toEqual([]);
  });
});
