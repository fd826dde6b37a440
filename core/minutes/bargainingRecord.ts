// 协商记录: what the minutes of a collective wage bargaining session (工资集体协商) say of the
// table, projected from state.bargaining alone: per clause every offer in order (报价 / 还价, who
// and when, the text and the reason given) and the result; the handovers of the chair; each caucus
// (背靠背) as a fact with its times only; each suspension (中止) with its reason, open matters, the
// agreed time to resume and when it resumed. The caucus notes live elsewhere and are never read
// here: the state holds only a caucus's side and times (docs/minutes.md, docs/bargaining.md).
import type { RosterEntry } from "../config/schema.ts";
import { chiefOf } from "../bargaining/chairing.ts";
import { SIDE_ZH, type Clause, type Side } from "../bargaining/schema.ts";
import { roleLabel } from "../roleLabels.ts";
import type { MeetingState } from "../state.ts";
import { formatDate, formatTime } from "./format.ts";

export const OFFER_MOVES = { opening: "报价", counter: "还价" } as const;
export type OfferMove = keyof typeof OFFER_MOVES;

export interface MinutesOffer {
  offerId: string;
  side: Side;
  /** 职工方 / 企业方 */
  sideLabel: string;
  /** 报价 while the other side has made no offer on the clause yet, 还价 after. */
  move: OfferMove;
  moveLabel: string;
  time: string;
  /** Role word and name, e.g. 职工方首席代表王强. */
  by: string;
  text: string;
  reason: string | null;
}

export interface MinutesClause {
  clauseId: string;
  title: string;
  offers: MinutesOffer[];
  /** The wording both chiefs accepted, and when; null while not agreed. */
  agreed: { text: string; time: string } | null;
}

export interface MinutesHandover {
  /** Role word and name of the chief handing over (职工方首席代表王强) and of the one taking the chair. */
  from: string;
  to: string;
  time: string;
}

/** A caucus as a fact: the side and the times, nothing else (its content is never in the record). */
export interface MinutesCaucus {
  side: Side;
  sideLabel: string;
  from: string;
  /** null while the side is still consulting. */
  until: string | null;
}

export interface MinutesSuspension {
  time: string;
  /** Role word and name of the chief who suspended. */
  by: string;
  reason: string;
  openMatters: string[];
  /** The agreed time to resume, with its date. */
  resumeAt: string;
  /** When the session resumed; null while suspended. */
  resumedAt: string | null;
}

export interface MinutesBargaining {
  clauses: MinutesClause[];
  handovers: MinutesHandover[];
  caucuses: MinutesCaucus[];
  suspensions: MinutesSuspension[];
}

/**
 * The record of the table, or null when the meeting is not a bargaining session or nothing
 * happened at the table yet. `day`: the meeting's day (opened, else scheduled); a time on another
 * day (a session resumed the next day) is given with its date. `nameOf`: names as every screen
 * shows them (同名区分).
 */
export function bargainingRecord(kind: string, state: MeetingState, day: number | null, nameOf: (entry: RosterEntry) => string): MinutesBargaining | null {
  if (kind !== "bargaining") return null;
  const b = state.bargaining;
  if (b.clauses.length + b.handovers.length + b.caucuses.length + b.suspensions.length === 0) return null;

  const zone = state.timeZone;
  const meetingDay = day === null ? null : formatDate(day, zone);
  const time = (ms: number) => {
    const date = formatDate(ms, zone);
    return date === meetingDay ? formatTime(ms, zone) : `${date} ${formatTime(ms, zone)}`;
  };
  const dated = (ms: number) => `${formatDate(ms, zone)} ${formatTime(ms, zone)}`;
  const byId = new Map(state.roster.map((r) => [r.id, r]));
  const titled = (entry: RosterEntry | undefined | null, fallback: string) => (entry ? `${roleLabel(kind, entry, "zh")}${nameOf(entry)}` : fallback);
  const chief = (side: Side) => titled(chiefOf(state, side), `${SIDE_ZH[side]}首席代表`);

  const clause = (c: Clause): MinutesClause => ({
    clauseId: c.clauseId,
    title: c.title,
    offers: c.offers.map((o, i) => {
      const move: OfferMove = c.offers.slice(0, i).some((earlier) => earlier.side !== o.side) ? "counter" : "opening";
      return {
        offerId: o.offerId,
        side: o.side,
        sideLabel: SIDE_ZH[o.side],
        move,
        moveLabel: OFFER_MOVES[move],
        time: time(o.at),
        by: titled(byId.get(o.by), o.by),
        text: o.text,
        reason: o.reason === null || o.reason.trim() === "" ? null : o.reason.trim(),
      };
    }),
    agreed: c.agreed === null ? null : { text: c.agreed.text, time: time(c.agreed.at) },
  });

  return {
    clauses: b.clauses.map(clause),
    handovers: b.handovers.map((h) => ({ from: titled(byId.get(h.by), chief(h.from)), to: chief(h.to), time: time(h.at) })),
    caucuses: b.caucuses.map((c) => ({
      side: c.side,
      sideLabel: SIDE_ZH[c.side],
      from: time(c.startedAt),
      until: c.endedAt === null ? null : time(c.endedAt),
    })),
    suspensions: b.suspensions.map((s) => ({
      time: time(s.at),
      by: titled(byId.get(s.by), s.by),
      reason: s.reason,
      openMatters: [...s.openMatters],
      resumeAt: dated(s.resumeAt),
      resumedAt: s.resumedAt === null ? null : time(s.resumedAt),
    })),
  };
}
