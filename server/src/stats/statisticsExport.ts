// Speaking statistics (发言统计) as files: CSV (one table, a 分组 column per grouping; UTF-8 with
// BOM like the roster export) and XLSX (one sheet per grouping), with Chinese headers and every
// duration both as m:ss and in seconds. Interjections (插话回应) have their own sheet / 分组:
// per person, then the totals and how the responses were marked (采纳 / 研究 / 说明).
import ExcelJS from "exceljs";
import { formatClock } from "../../../core/clock.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import type { InterjectionOutcome } from "../../../core/interjection/schema.ts";
import type { SpeechKind } from "../../../core/queue/schema.ts";
import type { SpeechStats, Tally } from "../../../core/stats/speechStats.ts";
import { csvFile } from "../roster/exportRoster.ts";

type Cell = string | number;

export interface StatsSheet {
  name: string;
  headers: string[];
  widths: number[];
  rows: Cell[][];
}

export const SHEET_NAMES = ["按人员", "按界别", "按党派", "按议题", "总体", "未获发言", "插话"] as const;
export const CSV_HEADERS = ["分组", "名称", "发言次数", "发言时长", "发言时长（秒）", "超时次数"] as const;
const TALLY_HEADERS = ["发言次数", "发言时长", "发言时长（秒）", "超时次数"];
const TALLY_WIDTHS = [10, 10, 14, 10];
const KIND_LABELS: Record<SpeechKind, string> = { booked: "预约发言", impromptu: "即席发言", pointOfOrder: "程序性发言" };
/** How an official's response was marked; "none": not marked. */
export const OUTCOME_LABELS: Record<InterjectionOutcome | "none", string> = { adopt: "采纳", study: "研究", explain: "说明", none: "未标注" };

/** Whole seconds (rounded), the unit of both duration columns, so m:ss and seconds agree. */
export const seconds = (ms: number): number => Math.round(ms / 1000);
/** "m:ss" (minutes not capped at 59: "75:02"). */
export const minutesSeconds = (ms: number): string => formatClock(seconds(ms) * 1000);

const tallyCells = (t: Pick<Tally, "speeches" | "totalMs" | "overruns">): Cell[] => [t.speeches, minutesSeconds(t.totalMs), seconds(t.totalMs), t.overruns];

/** The six sheets, in SHEET_NAMES order; the roster adds 界别 and 党派 to the people's rows. */
export function statisticsSheets(stats: SpeechStats, roster: readonly RosterEntry[]): StatsSheet[] {
  const person = new Map(roster.map((p) => [p.id, p]));
  const grouped = (name: string, label: string, tallies: readonly Tally[]): StatsSheet => ({
    name,
    headers: ["序号", label, ...TALLY_HEADERS],
    widths: [6, 30, ...TALLY_WIDTHS],
    rows: tallies.map((t, i) => [i + 1, t.label, ...tallyCells(t)]),
  });
  const { overall } = stats;
  return [
    {
      name: "按人员",
      headers: ["序号", "姓名", "界别", "党派", ...TALLY_HEADERS],
      widths: [6, 14, 16, 12, ...TALLY_WIDTHS],
      rows: stats.byPerson.map((t, i) => [i + 1, t.label, person.get(t.key)?.sector ?? "", person.get(t.key)?.party ?? "", ...tallyCells(t)]),
    },
    grouped("按界别", "界别", stats.bySector),
    grouped("按党派", "党派", stats.byParty),
    grouped("按议题", "议题", stats.byItem),
    {
      name: "总体",
      headers: ["统计项", "数值"],
      widths: [18, 12],
      rows: [
        ["发言次数", overall.speeches],
        ["发言总时长", minutesSeconds(overall.totalMs)],
        ["发言总时长（秒）", seconds(overall.totalMs)],
        ["超时次数", overall.overruns],
        ...(Object.keys(KIND_LABELS) as SpeechKind[]).map((kind): Cell[] => [KIND_LABELS[kind], overall.byKind[kind]]),
        ["书面发言", overall.written],
        ["申请未获发言", stats.neverSpoke.length],
      ],
    },
    {
      name: "未获发言",
      headers: ["序号", "姓名", "界别", "党派"],
      widths: [6, 14, 16, 12],
      rows: stats.neverSpoke.map((p, i) => [i + 1, p.label, person.get(p.participantId)?.sector ?? "", person.get(p.participantId)?.party ?? ""]),
    },
    interjectionSheet(stats, person),
  ];
}

/** 插话: one row per person (次数, 时长, 超时), a blank row, the totals, then the outcome counts. */
function interjectionSheet(stats: SpeechStats, person: ReadonlyMap<string, RosterEntry>): StatsSheet {
  const { overall, byPerson } = stats.interjections;
  const overruns = byPerson.reduce((sum, t) => sum + t.overruns, 0);
  return {
    name: "插话",
    headers: ["序号", "姓名", "单位", "插话次数", "插话时长", "插话时长（秒）", "超时次数"],
    widths: [6, 14, 20, ...TALLY_WIDTHS],
    rows: [
      ...byPerson.map((t, i): Cell[] => [i + 1, t.label, person.get(t.key)?.unit ?? "", ...tallyCells(t)]),
      [],
      ["", "合计", "", overall.count, minutesSeconds(overall.totalMs), seconds(overall.totalMs), overruns],
      ...(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((o): Cell[] => ["", OUTCOME_LABELS[o], "", overall.byOutcome[o]]),
    ],
  };
}

/** One table for CSV: the overall lines (all speeches, then each kind and written), then every grouping. */
export function statisticsCsvRows(stats: SpeechStats): string[][] {
  const { overall } = stats;
  const blank = ["", "", ""];
  const rows: Cell[][] = [
    ["总体", "全部发言", ...tallyCells(overall)],
    ...(Object.keys(KIND_LABELS) as SpeechKind[]).map((kind): Cell[] => ["总体", KIND_LABELS[kind], overall.byKind[kind], ...blank]),
    ["总体", "书面发言", overall.written, ...blank],
    ...stats.byPerson.map((t) => ["按人员", t.label, ...tallyCells(t)]),
    ...stats.bySector.map((t) => ["按界别", t.label, ...tallyCells(t)]),
    ...stats.byParty.map((t) => ["按党派", t.label, ...tallyCells(t)]),
    ...stats.byItem.map((t) => ["按议题", t.label, ...tallyCells(t)]),
    ...stats.neverSpoke.map((p) => ["未获发言", p.label, "", ...blank]),
    ...interjectionCsvRows(stats),
  ];
  return [[...CSV_HEADERS], ...rows.map((r) => r.map(String))];
}

/** 分组 插话: every interjector, the total, then each outcome (count only). */
function interjectionCsvRows(stats: SpeechStats): Cell[][] {
  const { overall, byPerson } = stats.interjections;
  const overruns = byPerson.reduce((sum, t) => sum + t.overruns, 0);
  return [
    ...byPerson.map((t): Cell[] => ["插话", t.label, ...tallyCells(t)]),
    ["插话", "全部插话", ...tallyCells({ speeches: overall.count, totalMs: overall.totalMs, overruns })],
    ...(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((o): Cell[] => ["插话", OUTCOME_LABELS[o], overall.byOutcome[o], "", "", ""]),
  ];
}

export async function exportStatistics(stats: SpeechStats, roster: readonly RosterEntry[], format: "csv" | "xlsx"): Promise<Buffer> {
  if (format === "csv") return csvFile(statisticsCsvRows(stats));
  const workbook = new ExcelJS.Workbook();
  for (const sheet of statisticsSheets(stats, roster)) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.headers.map((header, i) => ({ header, width: sheet.widths[i] ?? 12 }));
    ws.getRow(1).font = { bold: true };
    // Strings stay text (exceljs writes a formula only for a { formula } object); counts and
    // seconds are numbers, so they can be summed.
    for (const row of sheet.rows) ws.addRow(row);
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
