// The plenary's minutes after a split into groups (分组讨论): a section with each group's convener,
// clerk, size and report (小组汇报要点 and suggestions), driven through decide and evolve like the room.
import { describe, expect, it } from "vitest";
import { proposeGroups } from "../groups/assign.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { initialState, type MeetingState } from "../state.ts";
import { ev, play, rosterEntry, stamp } from "../../testing/core.ts";
import { evolve } from "../meeting.ts";
import { renderMinutesMarkdown } from "./markdown.ts";
import { draftMinutes, type MinutesMeeting } from "./minutes.ts";

const chair = { participantId: "c", role: "chair" } as const satisfies Actor;
const roster = [
  rosterEntry(chair, { name: "沈国帅" }),
  rosterEntry({ participantId: "a1", role: "member" }, { name: "张丽华", sector: "经济界" }),
  rosterEntry({ participantId: "a2", role: "member" }, { name: "李明", sector: "经济界" }),
  rosterEntry({ participantId: "b1", role: "member" }, { name: "王晓燕", sector: "教育界" }),
  rosterEntry({ participantId: "b2", role: "member" }, { name: "赵刚", sector: "教育界" }),
  rosterEntry({ participantId: "x1", role: "member" }, { name: "陈静", sector: null }),
];
const MEETING: MinutesMeeting = { title: "区政协全体会议", number: null, kind: "plenary", place: "区政协礼堂", startsAt: null };

const meetingOf = (state: MeetingState, groupId: string): string => state.groups.groups.find((g) => g.groupId === groupId)?.meetingId ?? "";

function plenary(reports: boolean) {
  const start = stamp(0, [ev.rosterSet(roster), ev.opened(0)], 0, null).reduce(evolve, initialState());
  const groups = proposeGroups(roster, "sector").map((g) => (g.name === "经济界" ? { ...g, clerkId: "a2", place: "第一会议室" } : g));
  const { state } = play(start, [
    [{ type: "groups.define", method: "sector", groups }, chair, 1_000],
    [{ type: "groups.open" }, chair, 2_000],
  ]);
  if (!reports) return state;
  const report = (summary: string, suggestions: { text: string; by: string | null }[]) => ({ summary, suggestions, version: 2, at: 3_000, byName: "李明" });
  return play(state, [
    [
      {
        type: "groups.reportReceive",
        groupId: "g1",
        meetingId: meetingOf(state, "g1"),
        report: report("大家认为应加快营商环境改革。", [{ text: "设立企业服务专员", by: "张丽华" }]),
      },
      SYSTEM_ACTOR,
      3_000,
    ],
    [{ type: "groups.reportReceive", groupId: "g2", meetingId: meetingOf(state, "g2"), report: report("围绕课后服务展开讨论。", []) }, SYSTEM_ACTOR, 3_100],
    [{ type: "groups.close" }, chair, 4_000],
  ]).state;
}

describe("minutes of a plenary that split into groups", () => {
  it("has a 分组讨论情况 section with every group, its convener, clerk, size and report", () => {
    const markdown = renderMinutesMarkdown(draftMinutes(MEETING, plenary(true)));
    const section = markdown.slice(markdown.indexOf("分组讨论情况"));
    expect(section).toContain("会议按界别分组，分 3 个小组进行讨论。");
    expect(section).toContain("（一）经济界");
    expect(section).toContain("召集人：张丽华；记录员：李明；地点：第一会议室；参加 2 人。");
    expect(section).toContain("汇报要点**：大家认为应加快营商环境改革。");
    expect(section).toContain("1. 设立企业服务专员（提出人：张丽华）");
    expect(section).toContain("（二）教育界");
    expect(section).toContain("围绕课后服务展开讨论。");
    // The blanks' group sent nothing: said so, not left out.
    expect(section).toContain("（三）其他");
    expect(section).toContain("（未报送小组汇报要点）");
  });

  it("says nothing of groups planned but never opened, nor in a meeting that did not split", () => {
    const start = stamp(0, [ev.rosterSet(roster), ev.opened(0)], 0, null).reduce(evolve, initialState());
    const planned = play(start, [[{ type: "groups.define", method: "sector", groups: proposeGroups(roster, "sector") }, chair, 1_000]]).state;
    expect(draftMinutes(MEETING, planned).groups).toBeNull();
    expect(draftMinutes(MEETING, start).groups).toBeNull();
    expect(renderMinutesMarkdown(draftMinutes(MEETING, start))).not.toContain("分组讨论");
  });

  it("counts the groups while they are still in session, without reports yet", () => {
    const minutes = draftMinutes(MEETING, plenary(false));
    expect(minutes.groups?.list.map((g) => [g.name, g.members, g.summary])).toEqual([
      ["经济界", 2, null],
      ["教育界", 2, null],
      ["其他", 1, null],
    ]);
  });
});
