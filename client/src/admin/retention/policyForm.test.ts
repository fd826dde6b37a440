import { describe, expect, it } from "vitest";
import type { RetentionPolicy, RetentionTotals } from "@core/api/retention.ts";
import { daysOf, deletesAnything, formOf, inputKey, isSaved, readForm, type PolicyForm } from "./policyForm.ts";

const NEVER: RetentionPolicy = { recordingsDays: null, materialsDays: null, updatedAt: null, updatedByName: null };
const SET: RetentionPolicy = { recordingsDays: 0, materialsDays: 365, updatedAt: "2026-12-01T02:00:00.000Z", updatedByName: "王芳" };

const form = (recordings: string | null, materials: string | null): PolicyForm => ({
  recordings: recordings === null ? { keep: true, days: "30" } : { keep: false, days: recordings },
  materials: materials === null ? { keep: true, days: "" } : { keep: false, days: materials },
});

describe("the retention policy form", () => {
  it("shows a policy never set as keeping both, a saved one with its days (0 included)", () => {
    expect(formOf(NEVER)).toEqual({ recordings: { keep: true, days: "" }, materials: { keep: true, days: "" } });
    expect(formOf(SET)).toEqual({ recordings: { keep: false, days: "0" }, materials: { keep: false, days: "365" } });
  });

  it("sends null for 永久保留 whatever days were typed before, and whole days 0–3650 otherwise", () => {
    expect(readForm(form(null, null))).toEqual({ input: { recordingsDays: null, materialsDays: null }, problems: {} });
    expect(readForm(form("0", " 3650 "))).toEqual({ input: { recordingsDays: 0, materialsDays: 3650 }, problems: {} });
    expect(readForm(form("０７", null)).input).toEqual({ recordingsDays: 7, materialsDays: null });
  });

  it("names each field's problem and sends nothing while any field has one", () => {
    expect(readForm(form("", "30"))).toEqual({ input: null, problems: { recordings: "required" } });
    expect(readForm(form("3651", "1.5"))).toEqual({ input: null, problems: { recordings: "range", materials: "range" } });
    for (const typed of ["-1", "1e3", "abc", "30天"]) expect(daysOf({ keep: false, days: typed })).toEqual({ problem: "range" });
  });

  it("knows when the form is the saved policy", () => {
    expect(isSaved({ recordingsDays: null, materialsDays: null }, NEVER)).toBe(true);
    expect(isSaved({ recordingsDays: 0, materialsDays: null }, NEVER)).toBe(false);
    expect(isSaved({ recordingsDays: 0, materialsDays: 365 }, SET)).toBe(true);
    expect(isSaved({ recordingsDays: 0, materialsDays: 364 }, SET)).toBe(false);
  });

  it("keys inputs apart (0 days is not kept) and tells totals that delete something", () => {
    expect(inputKey({ recordingsDays: 0, materialsDays: null })).not.toBe(inputKey({ recordingsDays: null, materialsDays: 0 }));
    const totals = (recordings: number, materials: number): RetentionTotals => ({
      meetings: recordings + materials > 0 ? 1 : 0,
      recordings: { count: recordings, bytes: recordings * 1000 },
      materials: { count: materials, bytes: materials * 1000 },
    });
    expect(deletesAnything(totals(0, 0))).toBe(false);
    expect(deletesAnything(totals(1, 0))).toBe(true);
    expect(deletesAnything(totals(0, 2))).toBe(true);
  });
});
