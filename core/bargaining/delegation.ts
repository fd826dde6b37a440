// The delegations of a collective wage bargaining (《集体合同规定》§19–§24), checked on the roster:
// both sides send the same number of representatives, at least three each (§20), each side has
// exactly one 首席代表 (§20, §21, §22); the recorder (记录员, role clerk) keeps the record for both
// and belongs to neither side; observers (人社局, 工商联, 区总工会 …) sit without a side. A
// representative is anyone with a side (chair, member, official); a member without a side would be
// a 协商代表 of nobody. Pure: returns every problem with a stable code and a zh/en message. The
// meeting refuses to open with any (core/lifecycle/decide.ts); the roster page shows them.
import type { RosterEntry } from "../config/schema.ts";
import { SIDE_ZH, SIDES, type Side } from "./schema.ts";

const SIDE_WORDS: Record<Side, { zh: string; en: string }> = {
  worker: { zh: SIDE_ZH.worker, en: "The worker side" },
  enterprise: { zh: SIDE_ZH.enterprise, en: "The enterprise side" },
};

/** The fewest representatives a side may send (§20). */
export const MIN_REPRESENTATIVES = 3;

export const DELEGATION_PROBLEM_CODES = [
  "DELEGATION_TOO_SMALL",
  "DELEGATION_UNEQUAL",
  "CHIEF_MISSING",
  "CHIEF_TWICE",
  "CHIEF_WITHOUT_SIDE",
  "RECORDER_MISSING",
  "RECORDER_ON_A_SIDE",
  "OBSERVER_ON_A_SIDE",
  "MEMBER_WITHOUT_SIDE",
] as const;
export type DelegationProblemCode = (typeof DELEGATION_PROBLEM_CODES)[number];

export interface DelegationProblem {
  code: DelegationProblemCode;
  /** The side concerned, when the problem is one side's. */
  side: Side | null;
  /** The roster entries concerned (e.g. the two chiefs, the recorder with a side). */
  participantIds: string[];
  message: { zh: string; en: string };
}

/** What the check reads of a roster entry. */
export type DelegationEntry = Pick<RosterEntry, "id" | "name" | "role" | "side" | "chief">;

const names = (entries: readonly DelegationEntry[], separator: string) => entries.map((e) => e.name).join(separator);
const problem = (code: DelegationProblemCode, side: Side | null, entries: readonly DelegationEntry[], zh: string, en: string): DelegationProblem => ({
  code,
  side,
  participantIds: entries.map((e) => e.id),
  message: { zh, en },
});

/** Every problem of the delegations on `roster`, in a stable order (none: the session may open). */
export function delegationProblems(roster: readonly DelegationEntry[]): DelegationProblem[] {
  const problems: DelegationProblem[] = [];
  const representatives = (side: Side) => roster.filter((e) => e.side === side && e.role !== "clerk" && e.role !== "observer");
  for (const side of SIDES) {
    const delegation = representatives(side);
    const words = SIDE_WORDS[side];
    if (delegation.length < MIN_REPRESENTATIVES)
      problems.push(
        problem(
          "DELEGATION_TOO_SMALL",
          side,
          delegation,
          `${words.zh}协商代表只有 ${delegation.length} 人：每方至少 ${MIN_REPRESENTATIVES} 人`,
          `${words.en} has ${delegation.length} representative(s): each side needs at least ${MIN_REPRESENTATIVES}`,
        ),
      );
    const chiefs = delegation.filter((e) => e.chief);
    if (chiefs.length === 0)
      problems.push(
        problem("CHIEF_MISSING", side, [], `${words.zh}没有首席代表：每方须确定一名首席代表`, `${words.en} has no chief representative: each side names one`),
      );
    if (chiefs.length > 1)
      problems.push(
        problem(
          "CHIEF_TWICE",
          side,
          chiefs,
          `${words.zh}有 ${chiefs.length} 名首席代表（${names(chiefs, "、")}）：每方只能有一名`,
          `${words.en} has ${chiefs.length} chief representatives (${names(chiefs, ", ")}): each side has exactly one`,
        ),
      );
  }
  const [worker, enterprise] = SIDES.map(representatives) as [DelegationEntry[], DelegationEntry[]];
  if (worker.length !== enterprise.length)
    problems.push(
      problem(
        "DELEGATION_UNEQUAL",
        null,
        [],
        `职工方 ${worker.length} 人，企业方 ${enterprise.length} 人：双方协商代表人数应当对等`,
        `The worker side has ${worker.length} representative(s), the enterprise side ${enterprise.length}: both sides send the same number`,
      ),
    );
  const chiefsWithoutSide = roster.filter((e) => e.chief && e.side === null);
  if (chiefsWithoutSide.length > 0)
    problems.push(
      problem(
        "CHIEF_WITHOUT_SIDE",
        null,
        chiefsWithoutSide,
        `首席代表须属于职工方或企业方：${names(chiefsWithoutSide, "、")}`,
        `A chief representative belongs to the worker or the enterprise side: ${names(chiefsWithoutSide, ", ")}`,
      ),
    );
  const recorders = roster.filter((e) => e.role === "clerk");
  if (recorders.length === 0)
    problems.push(
      problem(
        "RECORDER_MISSING",
        null,
        [],
        "没有记录员：须有一名不属于任何一方的记录员",
        "No recorder: a recorder who belongs to neither side keeps the record",
      ),
    );
  const recordersOnASide = recorders.filter((e) => e.side !== null);
  if (recordersOnASide.length > 0)
    problems.push(
      problem(
        "RECORDER_ON_A_SIDE",
        null,
        recordersOnASide,
        `记录员应当中立，不属于任何一方：${names(recordersOnASide, "、")}`,
        `The recorder is neutral and belongs to neither side: ${names(recordersOnASide, ", ")}`,
      ),
    );
  const observersOnASide = roster.filter((e) => e.role === "observer" && e.side !== null);
  if (observersOnASide.length > 0)
    problems.push(
      problem(
        "OBSERVER_ON_A_SIDE",
        null,
        observersOnASide,
        `旁听人员不属于任何一方：${names(observersOnASide, "、")}`,
        `Observers belong to neither side: ${names(observersOnASide, ", ")}`,
      ),
    );
  const membersWithoutSide = roster.filter((e) => e.role === "member" && e.side === null);
  if (membersWithoutSide.length > 0)
    problems.push(
      problem(
        "MEMBER_WITHOUT_SIDE",
        null,
        membersWithoutSide,
        `协商代表须属于职工方或企业方：${names(membersWithoutSide, "、")}`,
        `A bargaining representative belongs to the worker or the enterprise side: ${names(membersWithoutSide, ", ")}`,
      ),
    );
  return problems;
}
