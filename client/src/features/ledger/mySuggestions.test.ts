import { describe, expect, it } from "vitest";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { LEDGER_STATES, type LedgerState, type Reply } from "@core/ledger/item.ts";
import { canRate, closedUnassigned, latestReply, ratingErrorKey, reloadAfter, sortForMember, stepIndex, stepStatuses } from "./mySuggestions.ts";

const reply = (rated: boolean, text = "已纳入年度计划"): Reply => ({
  text,
  outcome: "adopted",
  attachments: [],
  at: Date.UTC(2026, 11, 10),
  byName: "区住建委",
  rating: rated ? { rating: "satisfied", comment: "", at: Date.UTC(2026, 11, 11) } : null,
});

const item = (state: LedgerState, replies: Reply[] = [], lead: LedgerItemJson["lead"] = null) => ({ state, replies, lead });

describe("the step indicator", () => {
  it("puts each state at its place: 待交办 0 … 办结 4", () => {
    expect(LEDGER_STATES.map(stepIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it("marks the steps before the state done, the state current, the rest to come", () => {
    expect(stepStatuses("in_progress").map((s) => `${s.step}:${s.status}`)).toEqual([
      "new:done",
      "assigned:done",
      "in_progress:current",
      "answered:todo",
      "closed:todo",
    ]);
    expect(stepStatuses("new").map((s) => s.status)).toEqual(["current", "todo", "todo", "todo", "todo"]);
    expect(stepStatuses("answered").map((s) => s.status)).toEqual(["done", "done", "done", "current", "todo"]);
  });

  it("a closed item has nothing left to do: every step done, none current", () => {
    expect(stepStatuses("closed").map((s) => s.status)).toEqual(["done", "done", "done", "done", "done"]);
  });

  it("an item closed without assignment (withdrawn, 不予交办) skipped the department's steps", () => {
    expect(stepStatuses("closed", true).map((s) => `${s.step}:${s.status}`)).toEqual([
      "new:done",
      "assigned:skipped",
      "in_progress:skipped",
      "answered:skipped",
      "closed:done",
    ]);
    // Only a closed item can have skipped steps.
    expect(stepStatuses("new", true).map((s) => s.status)).toEqual(["current", "todo", "todo", "todo", "todo"]);
  });
});

describe("whether the rating form shows", () => {
  it("only once answered, for the latest reply not yet rated", () => {
    expect(canRate(item("answered", [reply(false)]))).toBe(true);
    expect(canRate(item("closed", [reply(false)]))).toBe(true);
  });

  it("not before a reply", () => {
    for (const state of ["new", "assigned", "in_progress"] as const) expect(canRate(item(state)), state).toBe(false);
    // A closed item without a reply (withdrawn, not assigned) has nothing to rate.
    expect(canRate(item("closed"))).toBe(false);
  });

  it("not twice: the latest reply already rated", () => {
    expect(canRate(item("answered", [reply(true)]))).toBe(false);
    expect(canRate(item("closed", [reply(true)]))).toBe(false);
  });

  it("after 退回 the old reply waits for a new one (办理中), then the new one is rated", () => {
    expect(canRate(item("in_progress", [reply(true)]))).toBe(false);
    expect(canRate(item("in_progress", [reply(false)]))).toBe(false);
    const answeredAgain = item("answered", [reply(true, "第一次"), reply(false, "第二次")]);
    expect(canRate(answeredAgain)).toBe(true);
    expect(latestReply(answeredAgain)?.text).toBe("第二次");
    expect(latestReply(item("new"))).toBeNull();
  });
});

describe("closed without assignment", () => {
  it("is a closed item that never had a department or a reply", () => {
    expect(closedUnassigned(item("closed"))).toBe(true);
    expect(closedUnassigned(item("closed", [reply(true)], { id: "d1", name: "区住建委", disabled: false }))).toBe(false);
    expect(closedUnassigned(item("new"))).toBe(false);
  });
});

describe("a refused rating", () => {
  it("is explained in the UI language for the codes the member can meet, else the server's message", () => {
    expect(ratingErrorKey("EDIT_CONFLICT")).toBe("mySuggestions.errorConflict");
    expect(ratingErrorKey("LEDGER_ALREADY_RATED")).toBe("mySuggestions.errorRated");
    expect(ratingErrorKey("LEDGER_BAD_STATE")).toBe("mySuggestions.errorState");
    expect(ratingErrorKey("NETWORK")).toBe("mySuggestions.errorNetwork");
    expect(ratingErrorKey("VALIDATION")).toBeNull();
  });

  it("reloads the list when the item changed underneath, not for a network failure", () => {
    expect(reloadAfter("EDIT_CONFLICT")).toBe(true);
    expect(reloadAfter("LEDGER_ALREADY_RATED")).toBe(true);
    expect(reloadAfter("LEDGER_BAD_STATE")).toBe(true);
    expect(reloadAfter("NETWORK")).toBe(false);
    expect(reloadAfter("FORBIDDEN")).toBe(false);
  });
});

describe("the order of the cards", () => {
  it("follows 序号, the order the suggestions were raised", () => {
    const items = [3, 1, 2].map((number) => ({ number, raisedOn: "2026-12-04" }) as LedgerItemJson);
    expect(sortForMember(items).map((i) => i.number)).toEqual([1, 2, 3]);
    expect(items.map((i) => i.number)).toEqual([3, 1, 2]);
  });
});
