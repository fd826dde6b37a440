// When the policy's files are due: the boundary (exactly the period after approval), a kind kept
// for good, the totals, and the meetings still to come in the order they go.
import { describe, expect, it } from "vitest";
import { dueAt, dueTotals, upcoming, type ApprovedMeeting } from "./retentionPlan.ts";

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1);
const meeting = (id: string, approvedDaysAgo: number, recordings = 2, materials = 1): ApprovedMeeting => ({
  meetingId: id,
  meetingTitle: `会议${id}`,
  approvedAt: new Date(T0 - approvedDaysAgo * DAY),
  recordings: { count: recordings, bytes: recordings * 100 },
  materials: { count: materials, bytes: materials * 10 },
});

describe("retention plan", () => {
  it("is due exactly the period after the approval, never when kept", () => {
    expect(dueAt(new Date(T0), 30)?.toISOString()).toBe(new Date(T0 + 30 * DAY).toISOString());
    expect(dueAt(new Date(T0), null)).toBeNull();
    const approved = [meeting("a", 30)];
    expect(dueTotals(approved, { recordingsDays: 30, materialsDays: null }, new Date(T0))).toEqual({
      meetings: 1,
      recordings: { count: 2, bytes: 200 },
      materials: { count: 0, bytes: 0 },
    });
    expect(dueTotals(approved, { recordingsDays: 30, materialsDays: null }, new Date(T0 - 1)).meetings).toBe(0);
    expect(dueTotals(approved, { recordingsDays: null, materialsDays: null }, new Date(T0 + 9999 * DAY)).meetings).toBe(0);
  });

  it("counts a meeting once and leaves out meetings with no files of a due kind", () => {
    const approved = [meeting("a", 10), meeting("b", 10, 0, 0), meeting("c", 1)];
    expect(dueTotals(approved, { recordingsDays: 5, materialsDays: 0 }, new Date(T0))).toEqual({
      meetings: 2,
      recordings: { count: 2, bytes: 200 },
      materials: { count: 2, bytes: 20 },
    });
  });

  it("lists the meetings still to come soonest first, with only the files that go later", () => {
    const approved = [meeting("late", 1), meeting("soon", 25), meeting("done", 40), meeting("empty", 1, 0, 0)];
    const rows = upcoming(approved, { recordingsDays: 30, materialsDays: 60 }, new Date(T0));
    expect(rows.map((row) => row.meetingId)).toEqual(["soon", "done", "late"]);
    expect(rows[0]).toMatchObject({ recordingsAt: new Date(T0 + 5 * DAY).toISOString(), recordings: { count: 2 }, materials: { count: 1 } });
    // Its recordings are due now (the next sweep's), its materials in 20 days.
    expect(rows[1]).toMatchObject({ recordingsAt: null, recordings: { count: 0, bytes: 0 }, materialsAt: new Date(T0 + 20 * DAY).toISOString() });
    expect(
      upcoming(
        Array.from({ length: 80 }, (_, i) => meeting(`m${i}`, 0)),
        { recordingsDays: 1, materialsDays: null },
        new Date(T0),
      ),
    ).toHaveLength(50);
  });
});
