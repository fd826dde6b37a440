// A session made from a mediation case (新建调解会谈, docs/mediation.md "Case and follow-up"): the
// meeting's roster comes from the case. Each party is a member with their household (so two 张丽 are
// told apart) and phone; the 主持调解员 chairs (the first mediator when none is marked), the other
// mediators are officials with their affiliation as unit. Pure: the server writes the roster and
// keeps, on each case party and mediator, the id of the roster entry made for them.
import { PHONE_PATTERN } from "../api/roster.ts";
import type { CaseState } from "./case.ts";

/** The states in which the case may have a new session: before an outcome. */
export const SESSION_STATES: readonly CaseState[] = ["accepted", "mediating"];

export interface CasePeople {
  parties: readonly { id: string; name: string; household: string; phone: string }[];
  mediators: readonly { id: string; name: string; affiliation: string; chief: boolean }[];
}

/** One roster entry of the new session and the case party or mediator it stands for. */
export interface SessionRosterEntry {
  of: { kind: "party" | "mediator"; id: string };
  person: { name: string; role: "member" | "chair" | "official"; household?: string; unit?: string; phone?: string };
}

export function sessionRoster(c: CasePeople): SessionRosterEntry[] {
  const chair = c.mediators.find((m) => m.chief) ?? c.mediators[0];
  return [
    ...c.parties.map((p): SessionRosterEntry => ({
      of: { kind: "party", id: p.id },
      person: { name: p.name, role: "member", household: p.household, ...(PHONE_PATTERN.test(p.phone) ? { phone: p.phone } : {}) },
    })),
    ...[...(chair ? [chair] : []), ...c.mediators.filter((m) => m !== chair)].map((m): SessionRosterEntry => ({
      of: { kind: "mediator", id: m.id },
      person: { name: m.name, role: m === chair ? "chair" : "official", unit: m.affiliation },
    })),
  ];
}
