// 界别 · 党派 shown once when they say the same.
import { describe, expect, it } from "vitest";
import { sectorParty } from "./affiliation.ts";

describe("sectorParty", () => {
  it.each([
    { name: "both", sector: "经济界", party: "民建", want: ["经济界", "民建"] },
    { name: "the same: once", sector: "民革", party: "民革", want: ["民革"] },
    { name: "the same but for surrounding spaces: once", sector: " 民革 ", party: "民革", want: ["民革"] },
    { name: "full-width and half-width forms are the same", sector: "ＮＧＯ", party: "NGO", want: ["ＮＧＯ"] },
    { name: "sector only", sector: "教育界", party: null, want: ["教育界"] },
    { name: "party only", sector: null, party: "九三学社", want: ["九三学社"] },
    { name: "blank sector, party", sector: "  ", party: "民盟", want: ["民盟"] },
    { name: "neither", sector: null, party: "", want: [] },
    { name: "different: both, sector first", sector: "民革", party: "民盟", want: ["民革", "民盟"] },
  ])("$name", ({ sector, party, want }) => {
    expect(sectorParty({ sector, party })).toEqual(want);
  });
  it("no person: nothing", () => {
    expect(sectorParty(undefined)).toEqual([]);
    expect(sectorParty(null)).toEqual([]);
  });
});
