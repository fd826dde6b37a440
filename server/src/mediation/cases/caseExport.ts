// The case list as XLSX (调解案件台账): one sheet 调解案件 of the cases (编号, 受理日期, 类别, 当事人,
// 调解员, 状态, 结果, 结案日期, 用时, 纠纷简要情况, 口头协议记录: the mediator's record of an oral
// agreement, §28) and one sheet 统计 of the counts by category, state and outcome.
import ExcelJS from "exceljs";
import type { MediationCase, MediationStatistics } from "../../../../core/api/mediationCases.ts";
import { daysBetween } from "../../../../core/ledger/deadline.ts";
import type { CaseCategory, CaseState, PartyRole } from "../../../../core/mediation/case.ts";
import { rosterNames } from "../../../../core/naming/displayNames.ts";

export const CASES_SHEET = "调解案件";
export const STATISTICS_SHEET = "统计";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const CATEGORY_ZH: Record<CaseCategory, string> = { neighbour: "邻里纠纷", property: "物业纠纷", family: "家庭纠纷", other: "其他" };
export const STATE_ZH: Record<CaseState, string> = {
  accepted: "受理",
  mediating: "调解中",
  agreed: "达成协议",
  failed: "调解不成",
  performing: "履行中",
  returnVisit: "回访",
  closed: "结案",
};
const ROLE_ZH: Record<PartyRole, string> = { applicant: "申请人", respondent: "被申请人" };
const HEADERS = ["编号", "受理日期", "类别", "当事人", "调解员", "状态", "结果", "结案日期", "用时（天）", "纠纷简要情况", "口头协议记录"];
const WIDTHS = [20, 12, 10, 40, 30, 10, 12, 12, 10, 60, 60];

const outcomeZh = (c: MediationCase): string =>
  c.agreement ? (c.agreement.form === "written" ? "书面协议" : "口头协议") : c.referral !== null ? "调解不成" : "";

export async function exportCases(cases: readonly MediationCase[], statistics: MediationStatistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(CASES_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 12, style: { numFmt: i === 8 ? "0" : "@" } }));
  ws.getRow(1).font = { bold: true };
  for (const c of cases) {
    // Same-name parties are told apart as on every screen (张丽（3栋）…).
    const names = rosterNames(c.parties.map((p) => ({ id: p.id, name: p.name, household: p.household })));
    ws.addRow([
      c.number,
      c.acceptedOn,
      CATEGORY_ZH[c.category],
      c.parties.map((p) => `${ROLE_ZH[p.role]}：${names.get(p.id) ?? p.name}`).join("；"),
      c.mediators.map((m) => `${m.name}（${m.affiliation}${m.chief ? "，主持调解员" : ""}）`).join("；"),
      STATE_ZH[c.state],
      outcomeZh(c),
      c.closedOn ?? "",
      c.closedOn === null ? null : daysBetween(c.acceptedOn, c.closedOn),
      c.facts,
      c.agreement?.oralRecord ?? "",
    ]).alignment = { vertical: "top", wrapText: true };
  }
  const stats = workbook.addWorksheet(STATISTICS_SHEET);
  stats.columns = [
    { header: "项目", width: 20 },
    { header: "件数", width: 10 },
  ];
  stats.getRow(1).font = { bold: true };
  stats.addRow(["合计", statistics.total]);
  for (const [k, n] of Object.entries(statistics.byCategory)) stats.addRow([CATEGORY_ZH[k as CaseCategory], n]);
  for (const [k, n] of Object.entries(statistics.byState)) stats.addRow([`状态：${STATE_ZH[k as CaseState]}`, n]);
  stats.addRow(["书面协议", statistics.byOutcome.written]);
  stats.addRow(["口头协议", statistics.byOutcome.oral]);
  stats.addRow(["调解不成", statistics.byOutcome.failed]);
  stats.addRow(["平均结案用时（天）", statistics.meanDaysToClose ?? ""]);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
