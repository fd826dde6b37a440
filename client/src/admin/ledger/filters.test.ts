import { describe, expect, it } from "vitest";
import { countByState, filterFromSearch, filterToQuery, isFiltered, setFilter, withQuery } from "./filters.ts";

describe("ledger filters ↔ URL", () => {
  it("reads every filter from a query and writes it back in a fixed order", () => {
    const query =
      "q=%E7%94%B5%E6%A2%AF&state=assigned&departmentId=d1&sector=%E7%BB%8F%E6%B5%8E%E7%95%8C&meetingId=m1&month=2026-12&flag=overdue&source=listeningDay&origin=decision";
    const filter = filterFromSearch(new URLSearchParams(query));
    expect(filter).toEqual({
      state: "assigned",
      departmentId: "d1",
      sector: "经济界",
      meetingId: "m1",
      month: "2026-12",
      flag: "overdue",
      source: "listeningDay",
      origin: "decision",
      q: "电梯",
    });
    expect(filterToQuery(filter)).toBe(
      "state=assigned&departmentId=d1&sector=%E7%BB%8F%E6%B5%8E%E7%95%8C&meetingId=m1&month=2026-12&flag=overdue&source=listeningDay&origin=decision&q=%E7%94%B5%E6%A2%AF",
    );
    expect(filterFromSearch(new URLSearchParams(filterToQuery(filter)))).toEqual(filter);
  });

  it("drops unknown states, flags and sources, malformed months, blank and over-long text", () => {
    const filter = filterFromSearch(
      new URLSearchParams({ state: "done", flag: "late", source: "mail", origin: "minutes", month: "2026-13", q: "   ", sector: "x".repeat(101), other: "1" }),
    );
    expect(filter).toEqual({});
    expect(filterFromSearch(new URLSearchParams({ month: "2026-1" }))).toEqual({});
    expect(filterFromSearch(new URLSearchParams({ q: "  物业费 " }))).toEqual({ q: "物业费" });
  });

  it("the 序号 lookup: a number without leading zeros, written first", () => {
    expect(filterFromSearch(new URLSearchParams("number=12&q=a"))).toEqual({ number: "12", q: "a" });
    expect(filterToQuery({ q: "a", number: "12" })).toBe("number=12&q=a");
    for (const number of ["0", "012", "1.5", "-3", "abc", "1234567890"]) expect(filterFromSearch(new URLSearchParams({ number }))).toEqual({});
  });

  it("sets, replaces and clears one key; leaves keys out on request", () => {
    let filter = setFilter({}, "state", "new");
    filter = setFilter(filter, "flag", "dueSoon");
    expect(filter).toEqual({ state: "new", flag: "dueSoon" });
    expect(setFilter(filter, "state", "")).toEqual({ flag: "dueSoon" });
    expect(setFilter(filter, "state", "bogus")).toEqual({ flag: "dueSoon" });
    expect(filterToQuery(filter, ["state"])).toBe("flag=dueSoon");
    expect(withQuery("/admin/ledger", {})).toBe("/admin/ledger");
    expect(withQuery("/admin/ledger", filter)).toBe("/admin/ledger?state=new&flag=dueSoon");
    expect(isFiltered({ state: "new" }, ["state"])).toBe(false);
    expect(isFiltered({ state: "new", q: "a" }, ["state"])).toBe(true);
  });

  it("counts items per state, every state present", () => {
    expect(countByState([{ state: "new" }, { state: "new" }, { state: "closed" }])).toEqual({ new: 2, assigned: 0, in_progress: 0, answered: 0, closed: 1 });
  });
});
