// The consent campaign's report as tables (docs/community.md "Consent campaigns"): the result
// against each clause, the per-building table and the list of answers. The PDF and XLSX files
// (server/src/campaign/campaignReport.ts) and the secretariat's screen print these rows.
import { rate, shareText, type CampaignAnswerKind, type CampaignMethod, type Progress } from "./campaign.ts";

export const ANSWER_ZH: Record<CampaignAnswerKind, string> = { agree: "同意", disagree: "不同意", undecided: "暂不表态" };
export const METHOD_ZH: Record<CampaignMethod, string> = { in_person: "当面", paper: "纸质签字", phone: "电话", own_link: "本户链接" };

export const BUILDING_HEADERS = ["楼栋", "户数", "同意", "不同意", "暂不表态", "未走访", "同意率"] as const;
export const ANSWER_HEADERS = ["楼栋", "单元", "户号", "户代表", "意见", "走访方式", "登记人", "登记时间"] as const;

export interface ReportAnswerRow {
  building: string;
  unit: string;
  room: string;
  representative: string;
  answer: CampaignAnswerKind;
  method: CampaignMethod;
  recordedByName: string;
  recordedAt: string;
}

const percent = (agree: number, households: number) => `${rate(agree, households).toFixed(1)}%`;

/** 楼栋 户数 同意 不同意 暂不表态 未走访 同意率, then 合计. */
export function buildingRows(p: Progress): string[][] {
  const row = (name: string, c: Progress["overall"]) => [
    name,
    ...[c.households, c.agree, c.disagree, c.undecided, c.notReached].map(String),
    percent(c.agree, c.households),
  ];
  return [...p.buildings.map((b) => row(b.building, b)), row("合计", p.overall)];
}

/** One line per clause: 全部住户 同意 10/12 = 83.3%, 要求 ≥ 80%: 达到. */
export function clauseLines(p: Progress): string[] {
  return p.clauses.map(
    (c) =>
      `${c.building ?? "全部住户"} 同意 ${c.agree}/${c.households} = ${percent(c.agree, c.households)}，要求 ≥ ${shareText(c.share)}：${c.passed ? "达到" : "未达到"}`,
  );
}

/** The answers, by building, unit and flat; `time` formats the recording time. */
export function answerRows(answers: readonly ReportAnswerRow[], time: (iso: string) => string): string[][] {
  return answers.map((a) => [a.building, a.unit, a.room, a.representative, ANSWER_ZH[a.answer], METHOD_ZH[a.method], a.recordedByName, time(a.recordedAt)]);
}
