// A collective wage bargaining session (工资集体协商) for the minutes' tests, driven through the
// real decide and evolve (testing/core.ts play) over two days: two clauses with offers and
// counter-offers (one agreed), a caucus of each side, a handover of the chair, a suspension with
// open matters and the resume the next day, then a caucus still going on.
import type { Command, MeetingEvent, StoredEvent } from "../core/meeting.ts";
import type { Actor } from "../core/roles.ts";
import type { MeetingState } from "../core/state.ts";
import type { MinutesMeeting } from "../core/minutes/minutes.ts";
import { ev, givenExactly, play, rosterEntry } from "./core.ts";

const wang = { participantId: "p-wang", role: "member" } as const satisfies Actor; // 职工方首席代表
const wu = { participantId: "p-wu", role: "member" } as const satisfies Actor; // 职工方代表
const wei = { participantId: "p-wei", role: "member" } as const satisfies Actor; // 职工方代表
const zhao = { participantId: "p-zhao", role: "member" } as const satisfies Actor; // 企业方首席代表
const zhou = { participantId: "p-zhou", role: "member" } as const satisfies Actor; // 企业方代表
const zheng = { participantId: "p-zheng", role: "member" } as const satisfies Actor; // 企业方代表
const clerk = { participantId: "p-clerk", role: "clerk" } as const satisfies Actor;
const observer = { participantId: "p-observer", role: "observer" } as const satisfies Actor;

export const BARGAINING_ROSTER = [
  rosterEntry(wang, { name: "王强", side: "worker", chief: true }),
  rosterEntry(wu, { name: "吴敏", side: "worker" }),
  rosterEntry(wei, { name: "魏华", side: "worker" }),
  rosterEntry(zhao, { name: "赵刚", side: "enterprise", chief: true }),
  rosterEntry(zhou, { name: "周婷", side: "enterprise" }),
  rosterEntry(zheng, { name: "郑军", side: "enterprise" }),
  rosterEntry(clerk, { name: "姜记录" }),
  rosterEntry(observer, { name: "区总工会观察员" }),
];
export const BARGAINING_TABLE: MeetingEvent[] = [ev.rosterSet(BARGAINING_ROSTER), { type: "meeting.kindSet", kind: "bargaining" }];

export const BARGAINING_MEETING: MinutesMeeting = {
  title: "某某有限公司2027年度工资集体协商会议",
  number: null,
  kind: "bargaining",
  place: "公司三楼会议室",
  startsAt: null,
};
/** 09:00 China Standard Time on 2026-11-25, and the next day. */
export const BARGAINING_T0 = Date.UTC(2026, 10, 25, 1, 0, 0);
const at = (minutes: number, day = 0) => BARGAINING_T0 + day * 86_400_000 + minutes * 60_000;

/** Runs one command at a time, so a later command can name what an earlier one created (a clause, an offer). */
export class BargainingSession {
  state: MeetingState;
  readonly log: StoredEvent[];
  constructor() {
    const table = givenExactly(...BARGAINING_TABLE);
    this.state = table.state;
    this.log = [...table.log];
  }
  run(command: Command, actor: Actor, now: number): this {
    const next = play(this.state, [[command, actor, now]], () => `id-${this.state.seq + 1}`);
    this.state = next.state;
    this.log.push(...next.log);
    return this;
  }
  clause(title: string) {
    return this.state.bargaining.clauses.find((c) => c.title === title)!;
  }
  lastOffer(title: string) {
    return this.clause(title).offers.at(-1)!;
  }
}

export function bargainingSession(): BargainingSession {
  const s = new BargainingSession();
  s.run({ type: "meeting.open" }, wang, at(0));
  s.run({ type: "attendance.arrive", participantIds: BARGAINING_ROSTER.filter((r) => r.role === "member").map((r) => r.id), via: "clerk" }, clerk, at(1));
  s.run({ type: "bargaining.addClause", title: "工资调整幅度" }, wang, at(5));
  s.run({ type: "bargaining.addClause", title: "加班工资" }, clerk, at(6));
  const raise = s.clause("工资调整幅度").clauseId;
  const overtime = s.clause("加班工资").clauseId;
  s.run({ type: "bargaining.offer", clauseId: raise, text: "职工月工资平均上调 8%", reason: "物价上涨，同行业工资水平提高" }, wu, at(10));
  s.run({ type: "bargaining.offer", clauseId: raise, text: "职工月工资平均上调 5%", reason: "今年利润下降" }, zhou, at(20));
  s.run({ type: "bargaining.startCaucus" }, wang, at(30));
  s.run({ type: "bargaining.endCaucus" }, wang, at(45));
  s.run({ type: "bargaining.offer", clauseId: raise, text: "职工月工资平均上调 6%。" }, wang, at(50));
  s.run({ type: "bargaining.accept", clauseId: raise, offerId: s.lastOffer("工资调整幅度").offerId }, zhao, at(52));
  s.run({ type: "bargaining.accept", clauseId: raise, offerId: s.lastOffer("工资调整幅度").offerId }, wang, at(55));
  s.run({ type: "bargaining.handOver" }, wang, at(60));
  s.run({ type: "bargaining.offer", clauseId: overtime, text: "按国家规定标准支付加班工资" }, zheng, at(65));
  s.run({ type: "bargaining.offer", clauseId: overtime, text: "工作日加班按 150%、休息日按 200% 支付，当月结清", reason: "依法执行，避免拖欠" }, wei, at(70));
  s.run({ type: "bargaining.startCaucus" }, zhao, at(75));
  s.run({ type: "bargaining.endCaucus" }, zhao, at(80));
  s.run({ type: "bargaining.suspend", reason: "企业需核算加班成本", openMatters: ["加班工资", "支付时间"], resumeAt: at(0, 1) }, zhao, at(90));
  // The next day: the session goes on from the same state.
  s.run({ type: "bargaining.resume" }, zhao, at(5, 1));
  s.run({ type: "bargaining.startCaucus" }, wang, at(10, 1));
  return s;
}
