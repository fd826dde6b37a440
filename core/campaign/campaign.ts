// Consent campaigns (敲门计划, docs/community.md "Consent campaigns"): pure rules. A campaign asks
// every household of a community one question; the answer of each household is recorded door to
// door. The consent rate (同意率) is always counted against ALL households of the community, not
// against those reached: an unreached household counts against it, which is the point.

export const ANSWERS = ["agree", "disagree", "undecided"] as const;
/** 同意 / 不同意 / 暂不表态 */
export type CampaignAnswerKind = (typeof ANSWERS)[number];

export const METHODS = ["in_person", "paper", "phone", "own_link"] as const;
/** 当面 / 纸质签字 / 电话 / 本户链接 */
export type CampaignMethod = (typeof METHODS)[number];

/** A share as a fraction (2/3 stays exact; 80 % is 80/100). */
export interface Share {
  num: number;
  den: number;
}

/** A per-building clause: `building` null means every building must reach the share. */
export interface BuildingClause {
  building: string | null;
  share: Share;
}

export interface CampaignRule {
  /** Share of all households of the community that must agree (≥). */
  overall: Share;
  buildings: BuildingClause[];
}

export interface RosterHousehold {
  id: string;
  building: string;
  unit: string;
  room: string;
  representative: string;
}

export interface CurrentAnswer {
  householdId: string;
  answer: CampaignAnswerKind;
}

export interface Counts {
  households: number;
  agree: number;
  disagree: number;
  undecided: number;
  /** 未走访: households with no answer yet */
  notReached: number;
}

export interface UnitProgress extends Counts {
  unit: string;
}

export interface BuildingProgress extends Counts {
  building: string;
  units: UnitProgress[];
}

export interface ClauseResult {
  /** null: the overall clause; otherwise the building (or "*" for "each building") it checks */
  building: string | null;
  share: Share;
  agree: number;
  households: number;
  passed: boolean;
}

export interface Progress {
  overall: Counts;
  buildings: BuildingProgress[];
  /** The door list of households not reached yet, by building, unit and flat. */
  notReached: RosterHousehold[];
  clauses: ClauseResult[];
  /** Every clause holds. */
  passed: boolean;
}

const emptyCounts = (): Counts => ({ households: 0, agree: 0, disagree: 0, undecided: 0, notReached: 0 });

function add(counts: Counts, answer: CampaignAnswerKind | undefined): void {
  counts.households++;
  if (answer === undefined) counts.notReached++;
  else counts[answer]++;
}

/** agree / households ≥ num / den, exactly (no floating point at the boundary). */
export const meets = (agree: number, households: number, share: Share): boolean => households > 0 && agree * share.den >= share.num * households;

/** 同意率 in percent, for display (one decimal). */
export const rate = (agree: number, households: number): number => (households === 0 ? 0 : Math.round((agree * 1000) / households) / 10);

// One collator: localeCompare with options builds one per call (a 3,000-household sort took 150 ms).
const collator = new Intl.Collator("zh-CN", { numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b);
export const compareHouseholds = (a: RosterHousehold, b: RosterHousehold): number =>
  byText(a.building, b.building) || byText(a.unit, b.unit) || byText(a.room, b.room);

/** Counts per answer overall, per building and unit, the door list and each clause of the rule. */
export function progress(households: readonly RosterHousehold[], answers: readonly CurrentAnswer[], rule: CampaignRule): Progress {
  const answerOf = new Map<string, CampaignAnswerKind>();
  for (const a of answers) answerOf.set(a.householdId, a.answer);
  const overall = emptyCounts();
  const buildings = new Map<string, { counts: Counts; units: Map<string, Counts> }>();
  const notReached: RosterHousehold[] = [];
  for (const h of households) {
    const answer = answerOf.get(h.id);
    add(overall, answer);
    let b = buildings.get(h.building);
    if (!b) buildings.set(h.building, (b = { counts: emptyCounts(), units: new Map() }));
    add(b.counts, answer);
    let u = b.units.get(h.unit);
    if (!u) b.units.set(h.unit, (u = emptyCounts()));
    add(u, answer);
    if (answer === undefined) notReached.push(h);
  }
  const perBuilding: BuildingProgress[] = [...buildings.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([building, { counts, units }]) => ({
      building,
      ...counts,
      units: [...units.entries()].sort(([a], [b]) => byText(a, b)).map(([unit, c]) => ({ unit, ...c })),
    }));
  const clauses: ClauseResult[] = [
    {
      building: null,
      share: rule.overall,
      agree: overall.agree,
      households: overall.households,
      passed: meets(overall.agree, overall.households, rule.overall),
    },
  ];
  for (const clause of rule.buildings) {
    const targets = clause.building === null ? perBuilding : perBuilding.filter((b) => b.building === clause.building);
    // A clause naming a building the community does not have cannot hold.
    if (targets.length === 0) clauses.push({ building: clause.building, share: clause.share, agree: 0, households: 0, passed: false });
    for (const b of targets)
      clauses.push({ building: b.building, share: clause.share, agree: b.agree, households: b.households, passed: meets(b.agree, b.households, clause.share) });
  }
  return { overall, buildings: perBuilding, notReached: notReached.sort(compareHouseholds), clauses, passed: clauses.every((c) => c.passed) };
}

export type CampaignPhase = "upcoming" | "open" | "closed";

/** Before opensAt: upcoming; closed once closed by the secretariat or past closesAt. */
export function phase(campaign: { opensAt: number; closesAt: number; closedAt: number | null }, now: number): CampaignPhase {
  if (campaign.closedAt !== null || now >= campaign.closesAt) return "closed";
  return now < campaign.opensAt ? "upcoming" : "open";
}

export interface Recording {
  /** The client's id of this recording (UUID, unique across recordings). */
  clientId: string;
  householdId: string;
  answer: CampaignAnswerKind;
}

export interface HistoryEntry {
  clientId: string;
  householdId: string;
  from: CampaignAnswerKind | null;
  to: CampaignAnswerKind;
}

/**
 * The change a new recording makes: it replaces the household's answer `current` (null: not
 * reached), the history keeping from → to. (A replayed client id is the store's: the database
 * finds the change it made and adds nothing.)
 */
export const nextChange = (current: CampaignAnswerKind | null, recording: Recording): HistoryEntry => ({
  clientId: recording.clientId,
  householdId: recording.householdId,
  from: current,
  to: recording.answer,
});

/** Percent text of a share: 80/100 → "80%", 2/3 → "2/3". */
export const shareText = (share: Share): string => (share.den === 100 ? `${share.num}%` : `${share.num}/${share.den}`);
