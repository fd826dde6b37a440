import { describe, expect, it } from "vitest";
import type { Meeting } from "../types.ts";
import { fromLocalInput, groupOf, toLocalInput } from "./format.ts";

const base: Meeting = {
  id: "m",
  title: "t",
  kind: "consultation",
  mode: "hybrid",
  speechCapSeconds: 300,
  bookedCapSeconds: 480,
  pointOfOrderCapSeconds: 120,
  orderBookedFirst: true,
  orderPartyFirst: true,
  orderSectorBalance: true,
  orderNotYetSpoken: "item",
  orderSectorFirst: false,
  interjectionsAllowed: true,
  interjectionCapSeconds: 120,
  membersMayInterject: false,
  pollsAllowed: true,
  clerkMayRunPolls: false,
  recordShared: false,
  quorumRule: "majority",
  timeZone: "Asia/Shanghai",
  micOpensOnFloor: false,
  archived: false,
  number: null,
  place: null,
  startsAt: null,
  createdAt: "2026-05-01T00:00:00.000Z",
};
const now = Date.parse("2026-05-12T06:00:00Z");

describe("groupOf", () => {
  it("puts meetings without a date or in the future under upcoming", () => {
    expect(groupOf(base, now)).toBe("upcoming");
    expect(groupOf({ ...base, startsAt: "2026-05-13T06:00:00Z" }, now)).toBe("upcoming");
  });
  it("treats a meeting that started in the last hours as live, older ones as past", () => {
    expect(groupOf({ ...base, startsAt: "2026-05-12T05:00:00Z" }, now)).toBe("live");
    expect(groupOf({ ...base, startsAt: "2026-05-10T05:00:00Z" }, now)).toBe("past");
  });
  it("lets archiving and a server status win", () => {
    expect(groupOf({ ...base, startsAt: "2026-05-13T06:00:00Z", archived: true }, now)).toBe("past");
    expect(groupOf({ ...base, startsAt: "2026-05-13T06:00:00Z", status: "open" }, now)).toBe("live");
    // Running without a date (未定时间) is 进行中; not opened yet, however late, is still to come; closed is past.
    expect(groupOf({ ...base, status: "open" }, now)).toBe("live");
    expect(groupOf({ ...base, startsAt: "2026-05-12T05:00:00Z", status: "scheduled" }, now)).toBe("upcoming");
    expect(groupOf({ ...base, startsAt: "2026-05-12T05:00:00Z", status: "closed" }, now)).toBe("past");
  });
});

describe("datetime-local conversion", () => {
  it("round-trips through the meeting's wall clock, whatever its zone", () => {
    const iso = "2026-05-12T06:30:00.000Z";
    expect(toLocalInput(iso, "Asia/Shanghai")).toBe("2026-05-12T14:30");
    expect(toLocalInput(iso, "Europe/Berlin")).toBe("2026-05-12T08:30");
    for (const zone of ["Asia/Shanghai", "Europe/Berlin", "America/New_York"]) expect(fromLocalInput(toLocalInput(iso, zone), zone)).toBe(iso);
    expect(fromLocalInput("2026-05-12T14:30", "Asia/Shanghai")).toBe(iso);
    expect(fromLocalInput("", "Asia/Shanghai")).toBeNull();
  });
});
