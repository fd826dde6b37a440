// The minutes draft of a scripted meeting, driven through decide and evolve like the room does,
// must render exactly the golden Markdown next to this file. Any change of wording, order or
// layout fails here: regenerate only deliberately (`npx vitest run --project unit
// core/minutes -u`) and read the diff of minutes.golden.md before committing it.
import { describe, expect, it } from "vitest";
import { decide, evolve, parseCommand, type StoredEvent } from "../meeting.ts";
import type { Tally } from "../poll/schema.ts";
import type { Actor } from "../roles.ts";
import { initialState, type MeetingState } from "../state.ts";
import { DEFAULT_ORDERING } from "../plan/schema.ts";
import { DEFAULT_SPEECH_CAPS } from "../floor/schema.ts";
import { agendaItem, deepFreeze, rosterEntry, sequentialIds, stamp, tally } from "../../testing/core.ts";
import { minutesBlocks } from "./blocks.ts";
import { missingSummaries } from "./missingSummaries.ts";
import { excerpt, formatDate, formatTime } from "./format.ts";
import { renderMinutesMarkdown } from "./markdown.ts";
import { draftMinutes, type MinutesMeeting } from "./minutes.ts";
import type { TranscriptLine } from "../transcript/schema.ts";

const cast = {
  chair: { participantId: "p-chair", role: "chair" },
  zhang: { participantId: "p-zhang", role: "member" },
  li: { participantId: "p-li", role: "member" },
  wang: { participantId: "p-wang", role: "member" },
  zhao: { participantId: "p-zhao", role: "member" },
  chen: { participantId: "p-chen", role: "member" },
  official: { participantId: "p-official", role: "official" },
  clerk: { participantId: "p-clerk", role: "clerk" },
  observer: { participantId: "p-observer", role: "observer" },
} as const satisfies Record<string, Actor>;

const ROSTER = [
  rosterEntry(cast.chair, { name: "沈国帅" }),
  rosterEntry(cast.zhang, { name: "张丽华", sector: "经济界", party: "民建" }),
  rosterEntry(cast.li, { name: "李明", sector: "教育界" }),
  rosterEntry(cast.wang, { name: "王晓燕", sector: "科技界", party: "九三学社" }),
  rosterEntry(cast.zhao, { name: "赵刚", sector: "社会福利和社会保障界" }),
  rosterEntry(cast.chen, { name: "陈静", sector: "医药卫生界" }),
  rosterEntry(cast.official, { name: "刘建国", unit: "区住房城乡建设委" }),
  rosterEntry(cast.clerk, { name: "姜建博" }),
  rosterEntry(cast.observer, { name: "周旁听" }),
];

const BOOKED_TEXT = "老旧小区加装电梯是群众的急难愁盼。建议简化审批流程，推行“一站式”联合审批，并设立专项补贴资金，优先支持有老年人、残疾人居住的楼栋。";
const LONG_BOOKED_TEXT =
  "关于养老服务设施建设，建议：一、把社区嵌入式养老服务设施纳入城市更新规划，统筹利用闲置用房；二、完善运营补贴，按服务人次和满意度分档拨付；三、推动医养结合，鼓励社区卫生服务中心与养老机构签约合作，提供上门巡诊、家庭病床等服务；四、加强养老护理员队伍建设，提高薪酬待遇，畅通职业发展通道；五、建立第三方评估机制，定期公开评估结果，接受群众监督。";

const MEETING: MinutesMeeting = {
  title: "区政协“老旧小区改造”专题协商会",
  number: "区政协协商〔2026〕5号",
  kind: "topic",
  place: "区政协三楼会议室",
  startsAt: "2026-11-25T01:00:00.000Z",
};
/** 09:00 China Standard Time. */
const T0 = Date.UTC(2026, 10, 25, 1, 0, 0);
const min = (m: number) => T0 + m * 60_000;

/** Runs commands like the room: parse, decide (with the ballot box tally for poll.close), stamp, evolve. */
class Script {
  state: MeetingState = deepFreeze(initialState());
  readonly log: StoredEvent[] = [];
  private readonly newId = sequentialIds("id-");
  run(command: unknown, actor: Actor | { participantId: "system"; role: "system" }, now: number, ballots?: Tally): this {
    const parsed = parseCommand(command);
    if (!parsed.ok) throw new Error(`invalid ${JSON.stringify(command)}: ${parsed.error.code}`);
    const result = decide(this.state, parsed.value, { actor, now, newId: this.newId, ...(ballots ? { tally: ballots } : {}) });
    if (!result.ok) throw new Error(`${parsed.value.type} by ${actor.participantId} refused: ${result.error.code}`);
    const stored = stamp(this.state.seq, result.value, now, actor.participantId);
    this.state = deepFreeze(stored.reduce(evolve, this.state));
    this.log.push(...stored);
    return this;
  }
}

function scriptedMeeting(): Script {
  const s = new Script();
  const { chair, zhang, li, wang, zhao, official, clerk } = cast;
  s.run(
    {
      type: "config.sync",
      roster: ROSTER,
      agenda: [agendaItem("a1", 60 * 60_000, "老旧小区加装电梯", "区住房城乡建设委"), agendaItem("a2", 30 * 60_000, "社区养老服务设施建设")],
      quorumRule: "majority",
      speechCaps: { booked: 8 * 60_000, impromptu: 5 * 60_000, pointOfOrder: 2 * 60_000 },
      ordering: { bookedFirst: true, partyFirst: true, sectorBalance: true, notYetSpoken: "item" },
      plan: [
        { bookingId: "b1", participantId: zhang.participantId, kind: "booked", agendaItemId: "a1", title: "加快推进老旧小区加装电梯", text: BOOKED_TEXT },
        { bookingId: "b2", participantId: wang.participantId, kind: "booked", agendaItemId: "a2", title: "补齐社区养老服务短板", text: LONG_BOOKED_TEXT },
      ],
    },
    { participantId: "system", role: "system" },
    min(-30),
  );
  // Attendance: four members and the official arrive; 赵刚 is excused; 陈静 never comes.
  s.run(
    {
      type: "attendance.arrive",
      participantIds: [zhang.participantId, li.participantId, wang.participantId, official.participantId, chair.participantId, clerk.participantId],
      via: "clerk",
    },
    clerk,
    min(-10),
  );
  s.run({ type: "attendance.excuse", participantId: zhao.participantId, excused: true }, clerk, min(-5));
  s.run({ type: "meeting.open" }, chair, min(0));

  // 议题一: the booked speech, an official's response to it (采纳), an impromptu speech, a written speech.
  s.run({ type: "agenda.goto", itemId: "a1" }, chair, min(1));
  s.run({ type: "floor.give", participantId: zhang.participantId }, chair, min(5));
  const zhangSpeech = s.state.floor!.speechId;
  s.run({ type: "interjection.request", point: "加装电梯补贴资金" }, official, min(9));
  s.run({ type: "interjection.grant", requestId: s.state.interjectionRequests[0]!.requestId }, chair, min(10));
  const response = s.state.interjection!.interjectionId;
  s.run({ type: "interjection.end" }, official, min(12));
  s.run({ type: "interjection.setOutcome", interjectionId: response, outcome: "adopt" }, chair, min(12));
  s.run({ type: "floor.end" }, chair, min(14));
  s.run({ type: "queue.request" }, li, min(14));
  s.run({ type: "floor.give", participantId: li.participantId }, chair, min(15));
  const liSpeech = s.state.floor!.speechId;
  // A response the clerk writes nothing on (no point, no outcome): its line has no placeholder.
  s.run({ type: "interjection.request" }, official, min(16));
  s.run({ type: "interjection.grant", requestId: s.state.interjectionRequests[0]!.requestId }, chair, min(17));
  s.run({ type: "interjection.end" }, official, min(18));
  s.run({ type: "floor.end" }, chair, min(19));
  s.run(
    { type: "speech.submitWritten", text: "建议将加装电梯与管线改造、无障碍设施建设统筹实施，\n避免重复开挖。", participantId: wang.participantId },
    clerk,
    min(20),
  );
  const written = s.state.written[0]!.writtenId;

  // The clerk's notes on 议题一: the official's briefing, then the speeches.
  s.run(
    {
      type: "record.summarize",
      entry: { kind: "briefing", id: "a1" },
      text: "全区已完成加装电梯 126 部，审批周期平均 45 天，资金缺口主要在低楼层住户补偿。",
      baseVersion: 0,
    },
    clerk,
    min(20),
  );
  s.run(
    { type: "record.summarize", entry: { kind: "speech", id: zhangSpeech }, text: "建议简化加装电梯审批，推行联合审批，设立专项补贴资金。", baseVersion: 0 },
    clerk,
    min(21),
  );
  s.run(
    {
      type: "record.summarize",
      entry: { kind: "interjection", id: response },
      text: "区住房城乡建设委表示将研究设立补贴资金，年内出台实施细则。",
      baseVersion: 0,
    },
    clerk,
    min(22),
  );
  s.run(
    {
      type: "record.captureSuggestion",
      entry: { kind: "speech", id: zhangSpeech },
      suggestion: { title: "关于设立加装电梯专项补贴资金的建议", text: "按楼栋给予一次性补贴。", topic: "城市更新", department: "区住房城乡建设委" },
    },
    clerk,
    min(23),
  );
  s.run(
    { type: "record.addDecision", decision: { text: "由区住房城乡建设委牵头制定加装电梯联合审批办法。", unit: "区住房城乡建设委", deadline: "2026-12-31" } },
    clerk,
    min(24),
  );
  void liSpeech;
  void written;

  // 议题二: a booked speech without a summary (its text shortened), then a secret poll closed with a result.
  s.run({ type: "agenda.goto", itemId: "a2" }, chair, min(30));
  s.run({ type: "floor.give", participantId: wang.participantId }, chair, min(31));
  s.run({ type: "floor.end" }, chair, min(38));
  s.run(
    {
      type: "poll.create",
      poll: {
        title: "关于社区养老服务设施建设建议的表决",
        form: "yesNoAbstain",
        secret: true,
        rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
      },
    },
    chair,
    min(40),
  );
  const pollId = s.state.polls[0]!.pollId;
  s.run({ type: "poll.open", pollId }, chair, min(41));
  s.run({ type: "poll.close", pollId }, chair, min(43), tally({ counts: { yes: 2, no: 0, abstain: 1 } }));
  s.run({ type: "poll.publish", pollId }, chair, min(43));
  s.run(
    { type: "record.addDecision", decision: { text: "会议同意将社区养老服务设施建设建议报区政府参阅。", unit: "区政协办公室", deadline: "" } },
    clerk,
    min(44),
  );
  // The chair sums up the item, then the meeting (主持人总结): their own paragraphs, not a briefing.
  s.run(
    {
      type: "record.summarize",
      entry: { kind: "closing", id: "a2" },
      text: "养老服务设施建设要规划先行、医养结合，请区政协办公室做好报送工作。",
      baseVersion: 0,
    },
    chair,
    min(45),
  );
  s.run({ type: "meeting.close" }, chair, min(50));
  s.run(
    {
      type: "record.summarize",
      entry: { kind: "closing", id: "meeting" },
      text: "各位委员的发言切中要害，相关部门要认真研究吸纳，按时反馈办理情况。",
      baseVersion: 0,
    },
    clerk,
    min(52),
  );
  // Everyone's connection drops after the close: not an absence in the minutes.
  s.run({ type: "attendance.leave", participantIds: [zhang.participantId, li.participantId, wang.participantId, official.participantId] }, clerk, min(51));
  return s;
}

describe("minutes draft", () => {
  const s = scriptedMeeting();
  const options = { log: s.log, distribution: ["区政协主席、副主席、秘书长", "区住房城乡建设委", "区民政局"] };

  it("renders the scripted meeting exactly as the golden Markdown", async () => {
    await expect(renderMinutesMarkdown(draftMinutes(MEETING, s.state, options))).toMatchFileSnapshot("./minutes.golden.md");
  });

  it("is a projection: the same state and log always give the same minutes", () => {
    expect(draftMinutes(MEETING, s.state, options)).toEqual(draftMinutes(MEETING, s.state, options));
  });

  it("takes attendance from the log: leaving after the close is not an absence", () => {
    const withLog = draftMinutes(MEETING, s.state, options).attendance;
    expect(withLog.present.map((p) => p.name)).toEqual(["张丽华", "李明", "王晓燕"]);
    expect(withLog.attending).toEqual([{ name: "刘建国", affiliation: "区住房城乡建设委" }]);
    expect(withLog.excused.map((p) => p.name)).toEqual(["赵刚"]);
    expect(withLog.absent.map((p) => p.name)).toEqual(["陈静"]);
    // Without the log, the state at its moment: only speakers and responders count as present.
    const now = draftMinutes(MEETING, s.state).attendance;
    expect(now.present.map((p) => p.name)).toEqual(["张丽华", "李明", "王晓燕"]);
  });

  it("uses the clerk's summary, else the submitted text shortened, else a placeholder", () => {
    const m = draftMinutes(MEETING, s.state, options);
    const [first, second] = m.items;
    expect(first!.speeches.map((x) => x.summary.source)).toEqual(["summary", "none"]);
    expect(first!.speeches[0]!.responses).toMatchObject([
      { outcome: "adopt", outcomeLabel: "采纳", point: "加装电梯补贴资金", summary: { source: "summary" } },
    ]);
    expect(first!.speeches[1]!.responses).toMatchObject([{ outcome: null, outcomeLabel: "未标注", point: null, summary: { source: "none" } }]);
    expect(first!.written[0]!.summary).toEqual({ source: "submitted", text: "建议将加装电梯与管线改造、无障碍设施建设统筹实施，避免重复开挖。" });
    expect(second!.speeches[0]!.summary).toEqual({ source: "submitted", text: excerpt(LONG_BOOKED_TEXT) });
    expect(second!.speeches[0]!.summary.text.endsWith("……")).toBe(true);
    expect(second!.polls).toMatchObject([
      {
        ballot: "无记名",
        passed: true,
        resultLabel: "通过",
        counts: [
          { label: "赞成", count: 2 },
          { label: "反对", count: 0 },
          { label: "弃权", count: 1 },
        ],
      },
    ]);
  });

  it("takes a speech's missing summary from its transcript's first lines: typed lines before the machine draft, marked where it comes from", () => {
    const speechId = draftMinutes(MEETING, s.state, options).items[0]!.speeches[1]!.speechId;
    const line = (id: string, text: string, source: "steno" | "machine", offsetMs: number): TranscriptLine => ({
      id,
      entry: { kind: "speech", id: speechId },
      text,
      source,
      by: source === "steno" ? cast.clerk.participantId : null,
      at: T0,
      offsetMs,
      endMs: source === "machine" ? offsetMs + 1000 : null,
      version: 1,
      history: [],
    });
    const typed = [
      line("l1", "我谈两点意见。", "steno", 1000),
      line("l2", "第一，管线改造要同步。", "steno", 5000),
      line("l3", "第二，资金要公开。", "steno", 9000),
    ];
    const machine = [line("m2", "资金要公开", "machine", 8000), line("m1", "我谈两点意见", "machine", 0)];
    const summaryOf = (transcript: TranscriptLine[]) => draftMinutes(MEETING, { ...s.state, transcript }, options).items[0]!.speeches[1]!.summary;

    expect(summaryOf([...machine, ...typed])).toEqual({ source: "transcript", text: "我谈两点意见。第一，管线改造要同步。" });
    // Only a machine draft: its first lines in time order.
    expect(summaryOf(machine)).toEqual({ source: "machineDraft", text: "我谈两点意见，资金要公开" });
    expect(summaryOf([line("e1", "we need lifts", "machine", 0), line("e2", "in old estates", "machine", 1)]).text).toBe("we need lifts in old estates");
    // Long lines are cut like a submitted text.
    expect(summaryOf([line("l1", "长".repeat(100), "steno", 0), line("l2", "句".repeat(100), "steno", 1)]).text).toBe(
      excerpt(`${"长".repeat(100)}，${"句".repeat(100)}`),
    );
    // The clerk's summary and a submitted text still come first; other speeches are untouched.
    const withTranscript = draftMinutes(MEETING, { ...s.state, transcript: typed }, options);
    expect(withTranscript.items[0]!.speeches.map((x) => x.summary.source)).toEqual(["summary", "transcript"]);
    expect(withTranscript.items[1]!.speeches[0]!.summary.source).toBe("submitted");

    const text = renderMinutesMarkdown(withTranscript);
    expect(text).toContain("发言要点：我谈两点意见。第一，管线改造要同步。（据速记稿摘录，待整理）");
    expect(renderMinutesMarkdown(draftMinutes(MEETING, { ...s.state, transcript: machine }, options))).toContain("（据机器草稿摘录，待整理）");
    // Taken from the transcript, it is no longer a missing summary.
    expect(missingSummaries(minutesBlocks(withTranscript)).filter((m) => m.kind === "speech")).toEqual([]);
  });

  it("formats times in the meeting's time zone from the data (China Standard Time by default)", () => {
    expect(formatDate(T0, "Asia/Shanghai")).toBe("2026年11月25日（星期三）");
    expect(formatTime(Date.UTC(2026, 10, 25, 16, 5), "Asia/Shanghai")).toBe("00:05");
    expect(formatTime(Date.UTC(2026, 10, 25, 16, 5), "Europe/Berlin")).toBe("17:05");
    expect(formatDate(Date.UTC(2026, 10, 25, 16, 5), "Europe/Berlin")).toBe("2026年11月25日（星期三）");
    expect(formatDate(Date.UTC(2026, 10, 25, 16, 5), "Asia/Shanghai")).toBe("2026年11月26日（星期四）");
    expect(draftMinutes({ ...MEETING }, initialState()).header).toMatchObject({ date: "2026年11月25日（星期三）", time: "09:00" });
    expect(draftMinutes({ ...MEETING }, { ...initialState(), timeZone: "Europe/Berlin" }).header).toMatchObject({ time: "02:00" });
  });

  it("says the role words of a mediation and of bargaining beside the names (当事人, 调解员, 职工方首席代表)", () => {
    const people = [
      rosterEntry(cast.chair, { name: "诸葛亮" }),
      rosterEntry(cast.zhang, { name: "张丽", sector: "民革", party: "民革" }),
      rosterEntry(cast.li, { name: "李红", side: "worker", chief: true }),
      rosterEntry(cast.official, { name: "王调解", unit: "司法所" }),
    ];
    const sync = {
      type: "config.sync",
      roster: people,
      agenda: [],
      quorumRule: "none",
      speechCaps: { booked: 480_000, impromptu: 300_000, pointOfOrder: 120_000 },
      ordering: { bookedFirst: true, partyFirst: true, sectorBalance: true, notYetSpoken: "item" },
      plan: [],
    };
    const m = new Script()
      .run(sync, { participantId: "system", role: "system" }, min(0))
      .run({ type: "attendance.arrive", participantIds: ["p-zhang", "p-li", "p-official"], via: "clerk" }, cast.clerk, min(1));
    const mediation = draftMinutes({ ...MEETING, kind: "mediation" }, m.state, { log: m.log });
    expect(mediation.header).toMatchObject({ chairLabel: "主持调解员", chair: ["诸葛亮"] });
    expect(mediation.attendance).toMatchObject({ attendingLabel: "调解员", attending: [{ name: "王调解", affiliation: "调解员，司法所" }] });
    // 民革 · 民革 once.
    expect(mediation.attendance.present).toEqual([
      { name: "张丽", affiliation: "当事人，民革" },
      { name: "李红", affiliation: "当事人" },
    ]);
    const blocks = renderMinutesMarkdown(mediation);
    expect(blocks).toContain("**主持调解员**：诸葛亮");
    expect(blocks).toContain("**调解员**：王调解（调解员，司法所）");
    const bargaining = draftMinutes({ ...MEETING, kind: "bargaining" }, m.state, { log: m.log });
    expect(bargaining.attendance.present.map((p) => p.affiliation)).toEqual(["协商代表，民革", "职工方首席代表"]);
    expect(bargaining.attendance.attendingLabel).toBe("列席");
    // CPPCC and community minutes keep their words and add none beside the names.
    const community = draftMinutes({ ...MEETING, kind: "community" }, m.state, { log: m.log });
    expect(community.attendance.present.map((p) => p.affiliation)).toEqual(["民革", null]);
    expect(community.header.chairLabel).toBe("主持人");
  });

  it("puts the chair's closing remarks in their own paragraphs: the item's, and the meeting's as a last section", () => {
    const m = draftMinutes(MEETING, s.state, options);
    expect(m.items.map((i) => i.closing)).toEqual([null, "养老服务设施建设要规划先行、医养结合，请区政协办公室做好报送工作。"]);
    expect(m.closing).toBe("各位委员的发言切中要害，相关部门要认真研究吸纳，按时反馈办理情况。");
    const text = renderMinutesMarkdown(m);
    expect(text).not.toMatch(/总结.*作情况通报|作情况通报.*总结/);
    expect(text.indexOf("## 五、主持人总结")).toBeGreaterThan(text.indexOf("## 四、议题二"));
    expect(text.indexOf("## 五、主持人总结")).toBeLessThan(text.indexOf("**分送**"));
  });

  it("puts what belongs to no agenda item under 其他事项, and leaves it out when empty", () => {
    const m = draftMinutes(MEETING, s.state, options);
    expect(m.items.map((i) => i.title)).toEqual(["老旧小区加装电梯", "社区养老服务设施建设"]);
    const empty = draftMinutes({ ...MEETING, number: null, place: null, startsAt: null }, initialState());
    expect(empty.items).toEqual([]);
    expect(minutesBlocks(empty).filter((b) => b.kind === "number")).toEqual([]);
  });

  it("says an election and an owners' decision (民法典 §278) in words: the quorum by area and owners, each candidate, who is elected, a tie", () => {
    const e = new Script();
    const owners = ["赵一", "钱二", "孙三", "李四"].map((name, i) =>
      rosterEntry({ participantId: `o${i}`, role: "member" }, { name, household: `1号楼${101 + i}`, weight: [80, 100, 120, 100][i]! }),
    );
    e.run(
      {
        type: "config.sync",
        roster: [ROSTER[0]!, ROSTER[7]!, ...owners],
        agenda: [],
        quorumRule: "none",
        speechCaps: DEFAULT_SPEECH_CAPS,
        ordering: DEFAULT_ORDERING,
        plan: [],
      },
      { participantId: "system", role: "system" },
      min(0),
    );
    e.run({ type: "meeting.open" }, cast.chair, min(1));
    e.run({ type: "attendance.arrive", participantIds: owners.map((o) => o.id), via: "clerk" }, cast.clerk, min(1));
    const third = (num: number, den: number) => ({ share: { num, den } });
    e.run(
      {
        type: "poll.create",
        poll: {
          title: "关于1号楼加装电梯并使用维修资金的决定",
          form: "consent",
          secret: false,
          weighted: true,
          eligibility: { roles: ["member"], perHousehold: true },
          quorum: { ...third(2, 3), compare: "atLeast", measure: "both" },
          rule: [
            { base: "cast", ...third(3, 4), compare: "atLeast" },
            { base: "cast", ...third(3, 4), compare: "atLeast", measure: "weight" },
          ],
        },
      },
      cast.chair,
      min(2),
    );
    const lift = e.state.polls[0]!.pollId;
    e.run({ type: "poll.open", pollId: lift }, cast.chair, min(3));
    // One household voted through its proxy holder, one on paper (委托投票, 纸质票).
    e.run({ type: "poll.close", pollId: lift }, cast.chair, min(4), {
      ...tally({ counts: { agree: 3, disagree: 1 }, weights: { agree: 300, disagree: 100 } }),
      proxies: 1,
      paper: 1,
    });
    e.run(
      {
        type: "poll.create",
        poll: {
          title: "选举楼长",
          form: "candidates",
          options: ["赵一", "钱二", "孙三"],
          seats: 2,
          secret: true,
          rule: [{ base: "cast", ...third(1, 2), compare: "more" }],
        },
      },
      cast.chair,
      min(5),
    );
    const vote = e.state.polls[1]!.pollId;
    e.run({ type: "poll.open", pollId: vote }, cast.chair, min(6));
    e.run(
      { type: "poll.close", pollId: vote },
      cast.chair,
      min(7),
      tally({ ballots: 4, weightCast: 4, counts: { "o1:yes": 3, "o2:yes": 3, "o3:yes": 3, "o3:no": 1 } }),
    );
    const text = renderMinutesMarkdown(draftMinutes({ ...MEETING, kind: "community" }, e.state, { log: e.log }));
    expect(text).toContain(
      "通过规则：不少于投票数的四分之三（含本数），且不少于投票权重的四分之三（含本数）；参与表决的户数不少于应到户数的三分之二（含本数），且参与表决的权重不少于应到权重的三分之二（含本数）（参与表决 4 / 应到 4，达到；参与表决权重 400 / 应到权重 400，达到）",
    );
    expect(text).toContain("同意权重 300 / 投票权重 400 = 75%（不少于投票权重的四分之三（含本数）），达到。");
    expect(text).toContain("应到 4 户，实到 4 户，投票 4 户，其中委托投票 1 户、纸质票 1 张。");
    expect(text).toContain("**选举楼长**（无记名表决，候选人逐人表决）");
    expect(text).toContain("当选条件：超过投票数的半数");
    expect(text).toContain("赵一（赞成） 3 票 / 投票 4 票 = 75%（超过投票数的半数），达到。");
    expect(text).toContain("赵一（赞成） 3 票，赵一（反对） 0 票，赵一（弃权） 1 票");
    expect(text).toContain("表决结果：**无人当选**；赵一、钱二、孙三得票相等，未能确定当选。");
  });
});

describe("the response line and the missing summaries", () => {
  const s = scriptedMeeting();
  const options = { log: s.log };
  const blocks = () => minutesBlocks(draftMinutes(MEETING, s.state, options));
  const lines = () => blocks().flatMap((b) => (b.kind === "entry" && b.level === 1 ? [b.runs.map((r) => r.text).join("")] : []));

  it("ends a response the clerk wrote nothing on with its time and outcome, without the placeholder", () => {
    const [summarised, bare] = lines();
    expect(summarised).toMatch(/。回应要点：区住房城乡建设委表示/);
    expect(bare).toBe("插话回应：刘建国（区住房城乡建设委）作出回应（09:17，未标注）。");
    expect(bare).not.toContain("待整理");
  });

  it("lists the speeches and responses without a summary, as the chair sees them before approving", () => {
    expect(missingSummaries(blocks())).toEqual([
      { kind: "speech", name: "李明", line: "李明（教育界）：即席发言，09:15，时长 3:00" },
      { kind: "response", name: "刘建国", line: "刘建国（区住房城乡建设委）作出回应（09:17，未标注）" },
    ]);
    // A summary typed in the editor counts: the speech is no longer missing (the response still is).
    const written = blocks().map((b) =>
      b.kind === "entry" && missingSummaries([b]).length > 0
        ? { ...b, runs: [...b.runs.filter((r) => !r.text.includes("待整理")), { text: "要点：已整理。" }] }
        : b,
    );
    expect(missingSummaries(written).map((m) => m.kind)).toEqual(["response"]);
  });
});
