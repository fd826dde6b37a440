import { describe, expect, it } from "vitest";
import type { AgendaItem, PlannedSpeech } from "../types.ts";
import { groupPlan, movedOrder } from "./planOrder.ts";

const item = (id: string, position: number): AgendaItem => ({ id, position, title: id, presenter: null, plannedMinutes: 30, materials: [] });
const speech = (id: string, agendaItemId: string | null, position: number): PlannedSpeech => ({
  id,
  agendaItemId,
  position,
  participantId: `p-${id}`,
  participantName: id,
  kind: "booked",
  title: id,
  text: "",
  createdBy: "org",
  selfRegistered: false,
  createdAt: "2026-05-01T00:00:00.000Z",
  updatedAt: "2026-05-01T00:00:00.000Z",
});

describe("the speaking plan's order", () => {
  const agenda = [item("i1", 0), item("i2", 1)];
  const plan = [speech("c", "i1", 3), speech("a", "i1", 0), speech("w", "i2", 1), speech("n", null, 2), speech("gone", "deleted-item", 4)];

  it("groups by agenda item in agenda order, entries without a (known) item first, each by position", () => {
    expect(groupPlan(plan, agenda).map((g) => [g.itemId, g.entries.map((p) => p.id)])).toEqual([
      [null, ["n", "gone"]],
      ["i1", ["a", "c"]],
      ["i2", ["w"]],
    ]);
  });

  it("moves an entry inside its group only, and gives the whole order", () => {
    const groups = groupPlan(plan, agenda);
    expect(movedOrder(groups, "c", -1)).toEqual(["n", "gone", "c", "a", "w"]);
    expect(movedOrder(groups, "a", -1)).toEqual(["n", "gone", "a", "c", "w"]);
    expect(movedOrder(groups, "w", 1)).toEqual(["n", "gone", "a", "c", "w"]);
  });
});
