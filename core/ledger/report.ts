// The ledger's reports (督办): the dashboard's counts by state, department, sector, meeting and
// month; the reminder list of overdue and due-soon items per lead department; and the rows of
// the exported ledger with the customary columns. Pure: the items are the ones the viewer may
// see (already filtered), the caller passes the clock.
import { chinaDate, deadlineFlag } from "./deadline.ts";
import {
  LEDGER_STATES,
  ORIGIN_LABELS,
  OUTCOME_LABELS,
  RATING_LABELS,
  RATINGS,
  SOURCE_LABELS,
  STATE_LABELS,
  type LedgerSource,
  type LedgerState,
  type Rating,
} from "./item.ts";
import type { Department, LedgerItemJson } from "./json.ts";

/** byDepartment's bucket for items not (yet) assigned: id "" (the screens label it in their language). */
export const UNASSIGNED_LABEL = "未交办";

export interface LedgerDashboard {
  total: number;
  byState: Record<LedgerState, number>;
  /** Open items (已交办, 办理中) past their deadline / within DUE_SOON_DAYS of it, at the clock given. */
  overdue: number;
  dueSoon: number;
  /**
   * By lead department (unassigned items under id "" name 未交办). open: still to be answered
   * (待交办, 已交办, 办理中); answered: 已反馈 or 办结 with a reply; overdue as above.
   */
  byDepartment: { id: string; name: string; total: number; open: number; overdue: number; answered: number }[];
  /** By 界别; items without one under sector "" (the screens label it 未注明). */
  bySector: { sector: string; total: number }[];
  /**
   * By meeting (source "meeting", its title), then items from outside meetings by their source
   * (meetingId null, title the source's Chinese label: 接待日, 热线, 其他).
   */
  byMeeting: { meetingId: string | null; source: LedgerSource; title: string; total: number }[];
  /** By month (YYYY-MM, China time): raised by raisedOn, closed by the month of closing; no gaps. */
  byMonth: { month: string; raised: number; closed: number }[];
  /** The latest reply's rating, per rating (unrated replies are not counted). */
  ratings: Record<Rating, number>;
}

/** The longest run of months byMonth fills without gaps; a wider span lists only months with items. */
const MAX_FILLED_MONTHS = 120;

const zeroStates = (): Record<LedgerState, number> => Object.fromEntries(LEDGER_STATES.map((s) => [s, 0])) as Record<LedgerState, number>;
const zeroRatings = (): Record<Rating, number> => Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;

const collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin");
/** Most first; ties by name in pinyin order. */
const byTotalThenName =
  <T extends { total: number }>(name: (t: T) => string) =>
  (a: T, b: T): number =>
    b.total - a.total || collator.compare(name(a), name(b));

/** The month (YYYY-MM) an item was closed in, China time; null while not closed. */
export function closedMonth(item: Pick<LedgerItemJson, "state" | "closedAt">): string | null {
  if (item.state !== "closed" || item.closedAt === null) return null;
  const ms = Date.parse(item.closedAt);
  return Number.isNaN(ms) ? null : chinaDate(ms).slice(0, 7);
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

/**
 * 来源会议: the meeting's title; for items from outside meetings the 来源 an imported paper ledger
 * gave (sourceNote), else the source's label (接待日, 热线, 其他).
 */
export const sourceTitle = (item: Pick<LedgerItemJson, "source" | "meetingTitle" | "sourceNote">): string =>
  item.meetingTitle ?? item.sourceNote ?? SOURCE_LABELS[item.source];

/** True when the item has been answered (已反馈, or 办结 after a reply). */
const isAnswered = (item: LedgerItemJson): boolean => (item.state === "answered" || item.state === "closed") && item.replies.length > 0;

export function ledgerDashboard(items: readonly LedgerItemJson[], now: number): LedgerDashboard {
  const byState = zeroStates();
  const ratings = zeroRatings();
  const departments = new Map<string, LedgerDashboard["byDepartment"][number]>();
  const sectors = new Map<string, number>();
  const meetings = new Map<string, LedgerDashboard["byMeeting"][number]>();
  const raised = new Map<string, number>();
  const closed = new Map<string, number>();
  let overdue = 0;
  let dueSoon = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  for (const item of items) {
    byState[item.state] += 1;
    const flag = deadlineFlag(item, now);
    if (flag === "overdue") overdue += 1;
    if (flag === "dueSoon") dueSoon += 1;

    const deptId = item.lead?.id ?? "";
    const dept = departments.get(deptId) ?? { id: deptId, name: item.lead?.name ?? UNASSIGNED_LABEL, total: 0, open: 0, overdue: 0, answered: 0 };
    dept.total += 1;
    if (item.state === "new" || item.state === "assigned" || item.state === "in_progress") dept.open += 1;
    if (flag === "overdue") dept.overdue += 1;
    if (isAnswered(item)) dept.answered += 1;
    departments.set(deptId, dept);

    bump(sectors, item.sector?.trim() ?? "");

    const meetingKey = item.meetingId ?? `source:${item.source}`;
    const meeting = meetings.get(meetingKey) ?? {
      meetingId: item.meetingId,
      source: item.source,
      title: item.meetingTitle ?? SOURCE_LABELS[item.source],
      total: 0,
    };
    meeting.total += 1;
    meetings.set(meetingKey, meeting);

    bump(raised, item.raisedOn.slice(0, 7));
    const closedIn = closedMonth(item);
    if (closedIn !== null) bump(closed, closedIn);

    const rating = item.replies.at(-1)?.rating;
    if (rating) ratings[rating.rating] += 1;
  }

  const months = [...new Set([...raised.keys(), ...closed.keys()])].sort();
  const first = months[0];
  const last = months.at(-1);
  let monthList = months;
  if (first !== undefined && last !== undefined && monthIndex(last) - monthIndex(first) < MAX_FILLED_MONTHS) {
    monthList = [];
    for (let i = monthIndex(first); i <= monthIndex(last); i++) monthList.push(monthOf(i));
  }

  return {
    total: items.length,
    byState,
    overdue,
    dueSoon,
    // The unassigned bucket comes last, after the departments.
    byDepartment: [...departments.values()].sort((a, b) => Number(a.id === "") - Number(b.id === "") || byTotalThenName<typeof a>((d) => d.name)(a, b)),
    bySector: [...sectors].map(([sector, total]) => ({ sector, total })).sort(byTotalThenName((s) => s.sector)),
    // Meetings first, then the sources outside meetings.
    byMeeting: [...meetings.values()].sort(
      (a, b) => Number(a.meetingId === null) - Number(b.meetingId === null) || byTotalThenName<typeof a>((m) => m.title)(a, b),
    ),
    byMonth: monthList.map((month) => ({ month, raised: raised.get(month) ?? 0, closed: closed.get(month) ?? 0 })),
    ratings,
  };
}

export interface DepartmentReminder {
  department: Department;
  overdue: LedgerItemJson[];
  dueSoon: LedgerItemJson[];
}

/**
 * 督办 list: per lead department, its open items past their deadline (longest overdue first) and
 * those due within DUE_SOON_DAYS (earliest first), at `now`. Only departments with such items;
 * the most overdue departments first. `departments` gives the current name (an item's lead as
 * a fallback). New items that carry a deadline (a meeting's decision, an imported row) but no
 * department yet come last, under id "" (name 未交办): the secretariat's own to hand over.
 */
export function reminders(items: readonly LedgerItemJson[], departments: readonly Department[], now: number): { departments: DepartmentReminder[] } {
  const known = new Map(departments.map((d) => [d.id, d]));
  const lists = new Map<string, DepartmentReminder>();
  for (const item of items) {
    const flag = deadlineFlag(item, now);
    if (flag === null) continue;
    const department = item.lead === null ? { id: "", name: UNASSIGNED_LABEL, disabled: false } : (known.get(item.lead.id) ?? item.lead);
    const entry = lists.get(department.id) ?? { department, overdue: [], dueSoon: [] };
    entry[flag].push({ ...item, flag });
    lists.set(department.id, entry);
  }
  const byDeadline = (a: LedgerItemJson, b: LedgerItemJson) => (a.deadline ?? "").localeCompare(b.deadline ?? "") || a.number - b.number;
  const result = [...lists.values()].map((r) => ({ ...r, overdue: r.overdue.sort(byDeadline), dueSoon: r.dueSoon.sort(byDeadline) }));
  result.sort(
    (a, b) =>
      Number(a.department.id === "") - Number(b.department.id === "") ||
      b.overdue.length - a.overdue.length ||
      b.dueSoon.length - a.dueSoon.length ||
      collator.compare(a.department.name, b.department.name),
  );
  return { departments: result };
}

/** The exported ledger's columns (台账), in the customary order; 类别 tells suggestions (意见建议) from decisions (议定事项). */
export const LEDGER_EXPORT_HEADERS = [
  "序号",
  "来源会议",
  "类别",
  "提出人",
  "界别",
  "问题/建议",
  "承办单位",
  "交办时间",
  "办理时限",
  "办理状态",
  "答复内容",
  "满意度",
] as const;

const isoToChinaDate = (iso: string | null): string => {
  if (iso === null) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : chinaDate(ms);
};

/** 问题/建议: the title, then the text on its own line (once when they are the same, or the title is the text's beginning cut with "…"). */
export function questionText(item: Pick<LedgerItemJson, "title" | "text">): string {
  const title = item.title.trim();
  const text = item.text.trim();
  if (title === "" || title === text || (title.endsWith("…") && text.startsWith(title.slice(0, -1)))) return text;
  if (text === "") return title;
  return `${title}\n${text}`;
}

/** 承办单位: the lead department, then its partners as （协办：甲、乙）. */
export function departmentsText(item: Pick<LedgerItemJson, "lead" | "partners">): string {
  if (item.lead === null) return "";
  return item.partners.length === 0 ? item.lead.name : `${item.lead.name}（协办：${item.partners.map((p) => p.name).join("、")}）`;
}

/** 办理状态 of an overdue item: 办理中（逾期）. */
export const OVERDUE_SUFFIX = "（逾期）";

/** One row per item, in the order given, as the columns of LEDGER_EXPORT_HEADERS (dates in China time). */
export function ledgerRows(items: readonly LedgerItemJson[]): string[][] {
  return items.map((item) => {
    const reply = item.replies.at(-1);
    return [
      String(item.number),
      sourceTitle(item),
      ORIGIN_LABELS[item.origin],
      item.raisedByName,
      item.sector ?? "",
      questionText(item),
      departmentsText(item),
      isoToChinaDate(item.assignedAt),
      item.deadline ?? "",
      item.flag === "overdue" ? `${STATE_LABELS[item.state]}${OVERDUE_SUFFIX}` : STATE_LABELS[item.state],
      reply ? `【${OUTCOME_LABELS[reply.outcome]}】${reply.text}` : "",
      reply?.rating ? RATING_LABELS[reply.rating.rating] : "",
    ];
  });
}
