// What a person's role is called in a meeting (称谓): the words follow the kind of meeting. One
// mapping for every screen, document and both languages (docs/glossary.md, 称谓):
// - CPPCC kinds (协商座谈会 … 全体会议, 其他): 主持人 · 委员 · 列席 · 记录员 · 旁听;
// - 分组讨论 (a plenary's group): the chair is the group's 召集人;
// - 社区议事会: members are 居民代表;
// - 工资集体协商: members by side and chief flag — 职工方代表 / 企业方代表, 职工方首席代表 /
//   企业方首席代表 (a chair who is a side's chief presides as that chief: the chiefs chair in turn);
//   a member without a side is a 协商代表;
// - 人民调解: members are the parties (当事人), invited officials the mediators (调解员: the
//   司法所 mediator, a police officer, the council's members), the chair the 主持调解员.
// Clerk and observer are the same everywhere (记录员 is also the neutral recorder of bargaining).
import { isMeetingKind, type Lang, type MeetingKind, type Words } from "./meetingKind.ts";
import type { Role } from "./roles.ts";
import type { RosterEntry } from "./config/schema.ts";

/** The roster data the label depends on; a role alone names the group (e.g. a poll's voters). */
export type LabelledPerson = Pick<RosterEntry, "role"> & Partial<Pick<RosterEntry, "side" | "chief">>;

type Wording = "cppcc" | "group" | "community" | "bargaining" | "mediation";

const WORDING: Record<MeetingKind, Wording> = {
  consultation: "cppcc",
  topic: "cppcc",
  department: "cppcc",
  roundtable: "cppcc",
  plenary: "cppcc",
  group: "group",
  other: "cppcc",
  community: "community",
  bargaining: "bargaining",
  mediation: "mediation",
};

const ROLE_WORDS: Record<Role, Words> = {
  chair: { zh: "主持人", en: "Chair" },
  member: { zh: "委员", en: "Member" },
  official: { zh: "列席", en: "Official" },
  clerk: { zh: "记录员", en: "Clerk" },
  observer: { zh: "旁听", en: "Observer" },
};

const BY_WORDING: Record<Wording, Partial<Record<Role, Words>>> = {
  cppcc: {},
  group: { chair: { zh: "召集人", en: "Convener" } },
  community: { member: { zh: "居民代表", en: "Resident representative" } },
  bargaining: { member: { zh: "协商代表", en: "Bargaining representative" } },
  mediation: {
    chair: { zh: "主持调解员", en: "Presiding mediator" },
    member: { zh: "当事人", en: "Party" },
    official: { zh: "调解员", en: "Mediator" },
  },
};

const SIDE_WORDS: Record<"worker" | "enterprise", { plain: Words; chief: Words }> = {
  worker: { plain: { zh: "职工方代表", en: "Worker-side representative" }, chief: { zh: "职工方首席代表", en: "Worker-side chief representative" } },
  enterprise: {
    plain: { zh: "企业方代表", en: "Enterprise-side representative" },
    chief: { zh: "企业方首席代表", en: "Enterprise-side chief representative" },
  },
};
const CHIEF_WITHOUT_SIDE: Words = { zh: "首席代表", en: "Chief representative" };

/** The words of a kind of meeting; an unknown kind speaks as a CPPCC meeting. */
const wordingOf = (kind: string): Wording => (isMeetingKind(kind) ? WORDING[kind] : "cppcc");

function words(kind: string, person: LabelledPerson): Words {
  const wording = wordingOf(kind);
  const side = person.side ?? null;
  if (wording === "bargaining" && (person.role === "member" || person.role === "chair")) {
    if (person.chief) return side === null ? CHIEF_WITHOUT_SIDE : SIDE_WORDS[side].chief;
    if (person.role === "member" && side !== null) return SIDE_WORDS[side].plain;
  }
  return BY_WORDING[wording][person.role] ?? ROLE_WORDS[person.role];
}

/** How a person's role is called in a meeting of this kind, e.g. 职工方首席代表, 当事人, 委员. */
export const roleLabel = (kind: string, person: LabelledPerson, lang: Lang): string => words(kind, person)[lang];

/**
 * Whether the role word says more than the role (a bargaining side and its chief; a mediation's
 * parties and mediators): documents then give it beside the name, e.g. 王强（职工方首席代表）.
 */
export const roleTellsApart = (kind: string): boolean => wordingOf(kind) === "bargaining" || wordingOf(kind) === "mediation";
