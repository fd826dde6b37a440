import { describe, expect, it } from "vitest";
import { caseStatistics } from "./caseStatistics.ts";
import { CASE_STATES, CASE_TRANSITIONS, caseNumber, takeStep, type CaseProgress, type CaseState, type CaseStep } from "./case.ts";

const at = (state: CaseState, lastVisitOutcome: CaseProgress["lastVisitOutcome"] = null): CaseProgress => ({ state, lastVisitOutcome });
const STEPS: CaseStep[] = [
  { type: "start" },
  { type: "agree", form: "written" },
  { type: "fail" },
  { type: "perform" },
  { type: "scheduleVisit" },
  { type: "recordVisit", outcome: "kept" },
  { type: "close" },
];

describe("mediation case state table", () => {
  it("walks 受理 → 调解中 → 达成协议 → 履行中 → 回访 → 结案 when the agreement is kept", () => {
    let progress = at("accepted");
    const seen: CaseState[] = [];
    for (const step of [STEPS[0]!, { type: "agree", form: "oral" } as const, STEPS[3]!, STEPS[4]!, STEPS[5]!, STEPS[6]!]) {
      const result = takeStep(progress, step);
      if (!result.ok) throw new Error(result.code);
      progress = result.progress;
      seen.push(progress.state);
    }
    expect(seen).toEqual(["mediating", "agreed", "performing", "returnVisit", "returnVisit", "closed"]);
  });

  it("调解不成 closes with its referral, without performance or visit", () => {
    const failed = takeStep(at("mediating"), { type: "fail" });
    expect(failed).toEqual({ ok: true, progress: at("failed") });
    expect(takeStep(at("failed"), { type: "close" })).toEqual({ ok: true, progress: at("closed") });
    expect(takeStep(at("failed"), { type: "perform" })).toEqual({ ok: false, code: "MEDIATION_CASE_STATE" });
  });

  it("a partly kept or unkept return visit sends the case back to 履行中; closing needs a kept visit", () => {
    for (const outcome of ["partlyKept", "notKept"] as const) {
      expect(takeStep(at("returnVisit"), { type: "recordVisit", outcome })).toEqual({ ok: true, progress: at("performing", outcome) });
    }
    expect(takeStep(at("returnVisit"), { type: "close" })).toEqual({ ok: false, code: "MEDIATION_NOT_KEPT" });
    expect(takeStep(at("returnVisit", "kept"), { type: "close" })).toEqual({ ok: true, progress: at("closed", "kept") });
    expect(takeStep(at("performing", "notKept"), { type: "scheduleVisit" })).toEqual({ ok: true, progress: at("returnVisit") });
  });

  it("every step outside its states is refused with MEDIATION_CASE_STATE, for every state", () => {
    for (const state of CASE_STATES)
      for (const step of STEPS) {
        const result = takeStep(at(state, "kept"), step);
        expect(result.ok, `${step.type} from ${state}`).toBe(CASE_TRANSITIONS[step.type].includes(state));
        if (!result.ok) expect(result.code).toBe("MEDIATION_CASE_STATE");
      }
    expect(CASE_STATES.filter((s) => STEPS.some((step) => takeStep(at(s, "kept"), step).ok))).not.toContain("closed");
  });

  it("numbers a case （年）调字第 N 号", () => {
    expect(caseNumber(2026, 7)).toBe("（2026）调字第7号");
  });
});

describe("mediation case statistics", () => {
  it("counts by category, state and outcome; the mean days to close over closed cases", () => {
    const stats = caseStatistics([
      {
        category: "neighbour",
        state: "closed",
        agreement: { form: "written", oralRecord: null, agreedOn: "2026-12-08" },
        acceptedOn: "2026-12-01",
        closedOn: "2026-12-21",
      },
      { category: "neighbour", state: "closed", agreement: null, acceptedOn: "2026-12-01", closedOn: "2026-12-11" },
      {
        category: "family",
        state: "performing",
        agreement: { form: "oral", oralRecord: "按时探视", agreedOn: "2026-12-03" },
        acceptedOn: "2026-12-02",
        closedOn: null,
      },
      { category: "property", state: "mediating", agreement: null, acceptedOn: "2026-12-05", closedOn: null },
    ]);
    expect(stats).toMatchObject({
      total: 4,
      byCategory: { neighbour: 2, property: 1, family: 1, other: 0 },
      byState: { closed: 2, performing: 1, mediating: 1, accepted: 0 },
      byOutcome: { written: 1, oral: 1, failed: 1, open: 1 },
      meanDaysToClose: 15,
      closed: 2,
    });
    expect(caseStatistics([]).meanDaysToClose).toBeNull();
  });
});
