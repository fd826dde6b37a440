// The kinds of meeting (会议类型) the organisers choose from, and their names in both languages.
// The one list: the server's request schemas, the live meeting (`state.kind`, config.sync), the
// minutes and the admin app all take it from here.

export const MEETING_KINDS = [
  "consultation",
  "topic",
  "department",
  "roundtable",
  "community",
  "bargaining",
  "mediation",
  "plenary",
  "group",
  "other",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The kinds an organiser creates or switches a meeting to: a group (分组讨论) is made by its plenary only (core/groups). */
export const ORGANISER_KINDS: readonly MeetingKind[] = MEETING_KINDS.filter((kind) => kind !== "group");

export type Lang = "zh" | "en";
export type Words = Record<Lang, string>;

export const MEETING_KIND_LABELS: Record<MeetingKind, Words> = {
  consultation: { zh: "协商座谈会", en: "Consultation forum" },
  topic: { zh: "专题协商会", en: "Topic consultation" },
  department: { zh: "对口协商", en: "Department consultation" },
  roundtable: { zh: "恳谈会", en: "Round table" },
  community: { zh: "社区议事会", en: "Residents' council" },
  bargaining: { zh: "工资集体协商", en: "Collective wage bargaining" },
  mediation: { zh: "人民调解", en: "Mediation" },
  plenary: { zh: "全体会议", en: "Plenary" },
  group: { zh: "分组讨论", en: "Group discussion" },
  other: { zh: "其他", en: "Other" },
};

export const isMeetingKind = (value: string): value is MeetingKind => (MEETING_KINDS as readonly string[]).includes(value);

/** The kind's name; an unknown kind (not in this version's list) is shown as stored. */
export const meetingKindLabel = (kind: string, lang: Lang): string => (isMeetingKind(kind) ? MEETING_KIND_LABELS[kind][lang] : kind);
