import { describe, expect, it } from "vitest";
import {
  formatDateClock,
  formatLongDateTime,
  formatTimeOfDay,
  fromZonedInput,
  toZonedInput,
  utcOffsetText,
  zoneDiffers,
  zoneName,
  zoneNote,
  zoneSuffix,
} from "./meetingTime.ts";

// 2026-12-05 06:24:05 UTC: 14:24:05 in Beijing.
const AT = Date.UTC(2026, 11, 5, 6, 24, 5);

describe("times in the meeting's zone", () => {
  it("formats a moment in the meeting's zone whatever the viewer's, naming the zone when the viewer's clock differs", () => {
    expect(formatTimeOfDay(AT, { viewer: "Asia/Shanghai" })).toBe("14:24");
    expect(formatTimeOfDay(AT, { viewer: "Asia/Shanghai", seconds: true })).toBe("14:24:05");
    // A browser in Los Angeles still reads the meeting's 14:24, with the zone named.
    expect(formatTimeOfDay(AT, { viewer: "America/Los_Angeles" })).toBe("14:24（北京时间）");
    expect(formatTimeOfDay(AT, { viewer: "Europe/London", language: "en" })).toBe("14:24 (Beijing time)");
    // Another zone with the same clock (Asia/Chongqing) is not named; documents never name it.
    expect(formatTimeOfDay(AT, { viewer: "Asia/Chongqing" })).toBe("14:24");
    expect(formatTimeOfDay(AT, { viewer: null })).toBe("14:24");
  });

  it("follows a meeting held in another zone, named by its offset", () => {
    expect(formatTimeOfDay(AT, { timeZone: "Europe/Berlin", viewer: "Asia/Shanghai" })).toBe("07:24（UTC+1）");
    expect(formatDateClock(AT, { timeZone: "America/New_York", viewer: "America/New_York" })).toBe("2026-12-05 01:24");
    expect(utcOffsetText(AT, "Asia/Kolkata")).toBe("UTC+5:30");
    expect(zoneName(AT, "Asia/Shanghai", "en")).toBe("Beijing time");
    expect(zoneDiffers(AT, "Asia/Shanghai", "UTC")).toBe(true);
    expect(zoneDiffers(AT, "Asia/Shanghai", "Asia/Shanghai")).toBe(false);
  });

  it("writes long dates in both languages and across midnight by the meeting's calendar", () => {
    const lateUtc = Date.UTC(2026, 4, 12, 17, 30); // 13 May 01:30 in Beijing
    expect(formatLongDateTime(lateUtc, { viewer: "UTC" })).toBe("2026年5月13日 周三 01:30（北京时间）");
    expect(formatLongDateTime(lateUtc, { viewer: "Asia/Shanghai", language: "en" })).toBe("Wed 13 May 2026, 01:30");
    expect(formatLongDateTime(lateUtc, { viewer: "UTC", language: "en" })).toBe("Wed 13 May 2026, 01:30 (Beijing time)");
  });

  it("appends the zone in full-width brackets without a space in Chinese, in ASCII brackets after a space in English", () => {
    expect(zoneSuffix("北京时间")).toBe("（北京时间）");
    expect(zoneSuffix("UTC+1", "zh")).toBe("（UTC+1）");
    expect(zoneSuffix("Beijing time", "en")).toBe(" (Beijing time)");
    expect(formatDateClock(AT, { viewer: "UTC" })).toBe("2026-12-05 14:24（北京时间）");
    expect(formatDateClock(AT, { timeZone: "Europe/Berlin", viewer: "Asia/Shanghai", language: "en" })).toBe("2026-12-05 07:24 (UTC+1)");
  });

  it("reads and writes datetime-local inputs as the meeting's wall clock", () => {
    expect(toZonedInput(AT)).toBe("2026-12-05T14:24");
    expect(fromZonedInput("2026-12-05T14:24")).toBe(AT - 5000);
    expect(fromZonedInput("2026-07-01T09:00", "Europe/Berlin")).toBe(Date.UTC(2026, 6, 1, 7, 0));
    expect(fromZonedInput("garbage")).toBeNull();
  });
});

describe("the zone named once over many times", () => {
  it("names the meeting's zone only for a viewer whose clock differs", () => {
    expect(zoneNote(AT, "Asia/Shanghai", "zh", "America/New_York")).toBe("北京时间");
    expect(zoneNote(AT, "Asia/Shanghai", "en", "UTC")).toBe("Beijing time");
    expect(zoneNote(AT, "Asia/Shanghai", "zh", "Asia/Shanghai")).toBeNull();
  });
});
