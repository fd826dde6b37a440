// The words and digits the phone's floor strip and the speaker card show around the end of a
// speech: the first moment over time already reads 已超时 +0:01 (never +0:00), with the overrun icon.
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { formatClock, speechClock } from "@core/clock.ts";
import type { Speech } from "@core/floor/schema.ts";
import { en } from "../../i18n/en.ts";
import { zh } from "../../i18n/zh.ts";
import { clockWords } from "./clockWords.ts";

const START = 1_000_000;
const CAP = 30_000;
const speech: Speech = {
  speechId: "s",
  participantId: "p",
  kind: "impromptu",
  guestName: null,
  bookingId: null,
  startedAt: START,
  capMs: CAP,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId: null,
  override: null,
};

async function translator(lng: "zh" | "en") {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The strip's line at this moment: words, digits and icon. */
async function line(lng: "zh" | "en", now: number) {
  const clock = speechClock(speech, now);
  const { label, icon } = clockWords(await translator(lng), clock, false);
  return { text: `${label} ${formatClock(clock.remainingMs)}`, icon, phase: clock.phase };
}

describe("clockWords at the end of a speech", () => {
  it("at the cap: the last minute, 0:00", async () => {
    expect(await line("zh", START + CAP)).toEqual({ text: "最后一分钟 0:00", icon: "warning", phase: "warning" });
  });

  it.each([1, 500, 999, 1_000])("%d ms over: 已超时 +0:01 with the overrun icon (Over time +0:01)", async (over) => {
    expect(await line("zh", START + CAP + over)).toEqual({ text: "已超时 +0:01", icon: "overrun", phase: "overrun" });
    expect((await line("en", START + CAP + over)).text).toBe("Over time +0:01");
  });

  it("a partial second more counts as the next one: 1.2 s over reads +0:02", async () => {
    expect((await line("zh", START + CAP + 1_200)).text).toBe("已超时 +0:02");
  });
});
