// The consent campaign's rules: counts against all households, one answer per household (a change
// replaces it, history kept, a replay changes nothing), thresholds overall and per building.
import { describe, expect, it } from "vitest";
import {
  nextChange,
  phase,
  progress,
  rate,
  type CampaignAnswerKind,
  type CampaignRule,
  type HistoryEntry,
  type Recording,
  type RosterHousehold,
} from "./campaign.ts";

/** 12 households: 1号楼 2 units × 3, 2号楼 one unit × 6. */
const HOUSEHOLDS: RosterHousehold[] = [
  ...["1单元", "2单元"].flatMap((unit) =>
    ["101", "102", "201"].map((room) => ({ id: `1-${unit}-${room}`, building: "1号楼", unit, room, representative: `户${room}` })),
  ),
  ...["101", "102", "201", "202", "301", "302"].map((room) => ({ id: `2-${room}`, building: "2号楼", unit: "", room, representative: `户${room}` })),
];
const EIGHTY: CampaignRule = { overall: { num: 80, den: 100 }, buildings: [] };

/** Folds recordings as the store does: the current answers and the history. */
function replay(recordings: Recording[]): { current: Map<string, CampaignAnswerKind>; history: HistoryEntry[] } {
  const current = new Map<string, CampaignAnswerKind>();
  const history: HistoryEntry[] = [];
  for (const r of recordings) {
    const change = nextChange(current.get(r.householdId) ?? null, r);
    history.push(change);
    current.set(r.householdId, change.to);
  }
  return { current, history };
}

const agreeing = (n: number): Recording[] => HOUSEHOLDS.slice(0, n).map((h, i) => ({ clientId: `c${i}`, householdId: h.id, answer: "agree" }));
const answersOf = (current: Map<string, CampaignAnswerKind>) => [...current].map(([householdId, answer]) => ({ householdId, answer }));

describe("consent campaign progress", () => {
  it("counts against all households: 9/12 = 75 % fails ≥ 80 %, 10/12 passes", () => {
    const nine = progress(HOUSEHOLDS, answersOf(replay(agreeing(9)).current), EIGHTY);
    expect(nine.overall).toEqual({ households: 12, agree: 9, disagree: 0, undecided: 0, notReached: 3 });
    expect(rate(9, 12)).toBe(75);
    expect(nine.passed).toBe(false);
    expect(nine.notReached.map((h) => h.id)).toEqual(["2-202", "2-301", "2-302"]);
    const ten = progress(HOUSEHOLDS, answersOf(replay(agreeing(10)).current), EIGHTY);
    expect(ten.passed).toBe(true);
    expect(ten.clauses).toEqual([{ building: null, share: { num: 80, den: 100 }, agree: 10, households: 12, passed: true }]);
  });

  it("exactly 80 % passes (≥), just under does not; disagree and undecided count against it", () => {
    const five = HOUSEHOLDS.slice(0, 5);
    const answers = (n: number) => five.map((h, i) => ({ householdId: h.id, answer: (i < n ? "agree" : "undecided") as CampaignAnswerKind }));
    expect(progress(five, answers(4), EIGHTY).passed).toBe(true);
    expect(progress(five, answers(3), EIGHTY).passed).toBe(false);
    expect(progress(five, answers(3), EIGHTY).overall).toMatchObject({ agree: 3, undecided: 2, notReached: 0 });
    expect(progress([], [], EIGHTY).passed).toBe(false);
  });

  it("counts per building and unit", () => {
    const p = progress(
      HOUSEHOLDS,
      [
        { householdId: "1-1单元-101", answer: "agree" },
        { householdId: "1-2单元-102", answer: "disagree" },
        { householdId: "2-101", answer: "undecided" },
      ],
      EIGHTY,
    );
    expect(p.buildings.map((b) => [b.building, b.households, b.agree, b.disagree, b.undecided, b.notReached])).toEqual([
      ["1号楼", 6, 1, 1, 0, 4],
      ["2号楼", 6, 0, 0, 1, 5],
    ]);
    expect(p.buildings[0]!.units.map((u) => [u.unit, u.agree, u.disagree, u.notReached])).toEqual([
      ["1单元", 1, 0, 2],
      ["2单元", 0, 1, 2],
    ]);
  });

  it("per-building clauses: each building ≥ 2/3, or one building ≥ 90 %", () => {
    // 10/12 overall, but 2号楼 has 4/6 = 2/3 exactly and 1号楼 6/6.
    const answers = answersOf(
      replay([...agreeing(6), ...HOUSEHOLDS.slice(6, 10).map((h, i) => ({ clientId: `d${i}`, householdId: h.id, answer: "agree" as const }))]).current,
    );
    const each: CampaignRule = { overall: { num: 80, den: 100 }, buildings: [{ building: null, share: { num: 2, den: 3 } }] };
    const eachP = progress(HOUSEHOLDS, answers, each);
    expect(eachP.clauses.map((c) => [c.building, c.agree, c.households, c.passed])).toEqual([
      [null, 10, 12, true],
      ["1号楼", 6, 6, true],
      ["2号楼", 4, 6, true],
    ]);
    expect(eachP.passed).toBe(true);
    const strict: CampaignRule = { overall: { num: 80, den: 100 }, buildings: [{ building: "2号楼", share: { num: 90, den: 100 } }] };
    const strictP = progress(HOUSEHOLDS, answers, strict);
    expect(strictP.clauses[1]).toMatchObject({ building: "2号楼", agree: 4, households: 6, passed: false });
    expect(strictP.passed).toBe(false);
    const unknown: CampaignRule = { overall: { num: 80, den: 100 }, buildings: [{ building: "9号楼", share: { num: 1, den: 2 } }] };
    expect(progress(HOUSEHOLDS, answers, unknown).passed).toBe(false);
  });

  it("one answer per household: a change replaces it, the history keeps from → to", () => {
    const { current, history } = replay([
      { clientId: "a", householdId: "2-101", answer: "undecided" },
      { clientId: "b", householdId: "2-101", answer: "agree" },
      { clientId: "c", householdId: "2-102", answer: "disagree" },
      { clientId: "d", householdId: "2-102", answer: "disagree" },
    ]);
    expect([...current]).toEqual([
      ["2-101", "agree"],
      ["2-102", "disagree"],
    ]);
    expect(history.map((h) => [h.clientId, h.from, h.to])).toEqual([
      ["a", null, "undecided"],
      ["b", "undecided", "agree"],
      ["c", null, "disagree"],
      ["d", "disagree", "disagree"],
    ]);
    expect(progress(HOUSEHOLDS, answersOf(current), EIGHTY).overall).toMatchObject({ agree: 1, disagree: 1, notReached: 10 });
  });

  it("is open from opensAt until closesAt or the secretariat's close", () => {
    const c = { opensAt: 100, closesAt: 200, closedAt: null };
    expect(phase(c, 99)).toBe("upcoming");
    expect(phase(c, 100)).toBe("open");
    expect(phase(c, 200)).toBe("closed");
    expect(phase({ ...c, closedAt: 150 }, 160)).toBe("closed");
  });
});
