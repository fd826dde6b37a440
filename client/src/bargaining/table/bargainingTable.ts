// What the bargaining table shows and allows, derived from the live meeting state (pure, tested):
// each clause's two columns (职工方 | 企业方) with the current offer and the history under it, the
// caucuses in progress, and what this person may do at the table. The server decides (core
// bargaining); this only keeps out of sight the buttons it would refuse anyway.
import { chiefOf, presidingChief } from "@core/bargaining/chairing.ts";
import { otherSide, SIDES, type Clause, type Offer, type Side } from "@core/bargaining/schema.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { MeetingState } from "@core/state.ts";
import { formatTimeOfDay, zonedParts } from "@core/time/meetingTime.ts";

export interface SideColumn {
  side: Side;
  /** The side's last offer on the clause, or null before its first. */
  current: Offer | null;
  /** The side's earlier offers, newest first. */
  history: Offer[];
  /** The chiefs (by side) who accepted the current offer. */
  acceptedBy: Side[];
}

export interface ClauseView {
  clause: Clause;
  columns: Record<Side, SideColumn>;
  status: "open" | "agreed";
}

/** A clause as the table shows it: per side the current offer, its acceptances and the earlier offers. */
export function clauseView(clause: Clause): ClauseView {
  const column = (side: Side): SideColumn => {
    const own = clause.offers.filter((offer) => offer.side === side);
    const current = own.at(-1) ?? null;
    return {
      side,
      current,
      history: own.slice(0, -1).reverse(),
      acceptedBy: current === null ? [] : SIDES.filter((chief) => clause.accepted[chief] === current.offerId),
    };
  };
  return { clause, columns: { worker: column("worker"), enterprise: column("enterprise") }, status: clause.agreed ? "agreed" : "open" };
}

/** The sides consulting on their own now (背靠背), with the time each began. */
export const runningCaucuses = (state: MeetingState): { side: Side; startedAt: number }[] =>
  state.bargaining.caucuses.filter((caucus) => caucus.endedAt === null).map(({ side, startedAt }) => ({ side, startedAt }));

export interface TableRights {
  /** This person presides now (the presiding side's chief). */
  presiding: boolean;
  /** The side this person bargains for (null: the recorder, observers, officials). */
  side: Side | null;
  chief: boolean;
  offer: boolean;
  accept: boolean;
  addClause: boolean;
  handOver: boolean;
  /** 内部协商 for the own side: start or end it. */
  caucus: "start" | "end" | null;
  suspend: boolean;
  resume: boolean;
}

/** What `me` (the live roster's entry) may do at the table now. */
export function tableRights(state: MeetingState, me: RosterEntry): TableRights {
  const bargaining = state.bargaining;
  const presiding = presidingChief(state)?.id === me.id;
  const seated = me.role === "member" || me.role === "chair";
  const side = seated ? me.side : null;
  const chief = side !== null && me.chief;
  const open = state.status === "open";
  const running = open && bargaining.suspension === null;
  const inCaucus = side !== null && bargaining.caucuses.some((caucus) => caucus.side === side && caucus.endedAt === null);
  return {
    presiding,
    side,
    chief,
    offer: running && side !== null,
    accept: running && chief,
    addClause: running && (presiding || me.role === "clerk"),
    // The chair passes to the other side's chief, suspended or not, once that side has one.
    handOver: open && presiding && chiefOf(state, otherSide(bargaining.chairSide)) !== null,
    caucus: open && chief ? (inCaucus ? "end" : "start") : null,
    suspend: running && presiding,
    resume: open && presiding && bargaining.suspension !== null,
  };
}

/** "12月8日 09:00" / "8 Dec, 09:00" in the meeting's zone (named when the viewer's clock differs). */
export function dayAndTime(ms: number, timeZone: string, language: "zh" | "en", viewer?: string): string {
  const p = zonedParts(ms, timeZone);
  const time = formatTimeOfDay(ms, { timeZone, language, ...(viewer === undefined ? {} : { viewer }) });
  return language === "zh" ? `${p.month}月${p.day}日 ${time}` : `${p.day} ${EN_MONTHS[p.month - 1]}, ${time}`;
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The open matters as typed, one per line (blank lines dropped). */
export const openMattersOf = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
