import { describe, expect, it } from "vitest";
import type { GroupProgress } from "@core/groups/schema.ts";
import { given, people, play, ROSTER } from "../../../../testing/core.ts";
import { boardColumns, groupsRunning, latestNotice, myGroup, progressSpeaker } from "./groupStage.ts";

const { chair, alice, bob, carol, olga, clerk } = people;
const me = (p: { participantId: string; role: string }) => ROSTER.find((e) => e.id === p.participantId)!;

/** Two groups of the cast: alice convenes 一组 (with bob), olga convenes 二组 (with the clerk); carol is in none. */
function defined() {
  return play(given().state, [
    [
      {
        type: "groups.define",
        method: "hand",
        groups: [
          {
            groupId: "g1",
            name: "一组",
            topic: null,
            place: "第二会议室",
            convenerId: alice.participantId,
            clerkId: null,
            memberIds: [alice.participantId, bob.participantId],
          },
          {
            groupId: "g2",
            name: "二组",
            topic: null,
            place: null,
            convenerId: olga.participantId,
            clerkId: clerk.participantId,
            memberIds: [olga.participantId, clerk.participantId],
          },
        ],
      },
      chair,
      1_000,
    ],
  ]).state;
}

describe("myGroup: whose group a page enters", () => {
  it("only while the groups meet (open or recalling), once the group's meeting exists", () => {
    const before = defined();
    expect(myGroup(before.groups, before.roster, me(bob), false)).toBeNull();
    const open = play(before, [[{ type: "groups.open" }, chair, 2_000]]).state;
    expect(myGroup(open.groups, open.roster, me(bob), false)?.groupId).toBe("g1");
    expect(myGroup(open.groups, open.roster, me(olga), false)?.groupId).toBe("g2");
    // The plenary's clerk put into a group goes there too.
    expect(myGroup(open.groups, open.roster, me(clerk), false)?.groupId).toBe("g2");
    const recalling = play(open, [[{ type: "groups.recall", seconds: 120 }, chair, 3_000]]).state;
    expect(myGroup(recalling.groups, recalling.roster, me(bob), false)?.groupId).toBe("g1");
    const closed = play(recalling, [[{ type: "groups.close" }, chair, 4_000]]).state;
    expect(myGroup(closed.groups, closed.roster, me(bob), false)).toBeNull();
  });

  it("never for the plenary's chairs, the room display or someone in no group", () => {
    const open = play(defined(), [[{ type: "groups.open" }, chair, 2_000]]).state;
    expect(myGroup(open.groups, open.roster, me(chair), false)).toBeNull();
    expect(myGroup(open.groups, open.roster, me(carol), false)).toBeNull();
    expect(myGroup(open.groups, open.roster, me(bob), true)).toBeNull();
    // The live roster's role counts: someone made chair since stays in the plenary.
    const roster = open.roster.map((e) => (e.id === bob.participantId ? { ...e, role: "chair" as const } : e));
    expect(myGroup(open.groups, roster, me(bob), false)).toBeNull();
  });

  it("groupsRunning and the latest notice", () => {
    expect(["none", "defined", "open", "recalling", "closed"].map((p) => groupsRunning(p as never))).toEqual([false, false, true, true, false]);
    const open = play(defined(), [
      [{ type: "groups.open" }, chair, 2_000],
      [{ type: "groups.notice", text: "十分钟后汇总" }, chair, 2_500],
      [{ type: "groups.notice", text: "请各组准备汇报" }, clerk, 2_600],
    ]).state;
    expect(latestNotice(open.groups)).toMatchObject({ text: "请各组准备汇报", by: clerk.participantId });
    expect(latestNotice(defined().groups)).toBeNull();
  });
});

describe("progressSpeaker: a group's speaker on the plenary's screens", () => {
  const progress = (fields: Partial<GroupProgress>): GroupProgress => ({
    status: "open",
    speakerId: null,
    speakerName: null,
    speechStartedAt: null,
    capMs: null,
    pausedMs: 0,
    pausedAt: null,
    speeches: 0,
    ...fields,
  });
  const names = new Map([["p-bob", "王芳（教育界）"]]);
  const nameOf = (id: string) => names.get(id);

  it("the plenary's name for a plenary member, else the group's name, else nobody", () => {
    expect(progressSpeaker(progress({ speakerId: "p-bob", speakerName: "王芳" }), nameOf)).toBe("王芳（教育界）");
    expect(progressSpeaker(progress({ speakerId: null, speakerName: "列席嘉宾" }), nameOf)).toBe("列席嘉宾");
    expect(progressSpeaker(progress({ speakerId: "p-gone", speakerName: "李强" }), nameOf)).toBe("李强");
    expect(progressSpeaker(progress({}), nameOf)).toBeNull();
    expect(progressSpeaker(null, nameOf)).toBeNull();
  });
});

describe("boardColumns: every group on one 1920×1080 display", () => {
  it("grows to 5 columns (20 groups: 5 × 4)", () => {
    expect([1, 2, 3, 4, 6, 9, 12, 16, 20, 25].map(boardColumns)).toEqual([1, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Math.ceil(20 / boardColumns(20))).toBe(4);
  });
});
