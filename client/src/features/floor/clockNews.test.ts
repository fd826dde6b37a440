// The clock's news for screen readers, second by second through a speech: the speaker once, each
// whole minute of time left once, the end once, a pause, a resumption and an extension once each,
// and nothing on the ticks between.
import { describe, expect, it } from "vitest";
import type { Speech } from "@core/floor/schema.ts";
import type { Interjection } from "@core/interjection/schema.ts";
import { clockNews, interjectionClockNews, interjectionViewOf, viewOf, type ClockNews, type InterjectionClockNews } from "./clockNews.ts";

const START = 1_000_000;
const speech = (patch: Partial<Speech> = {}): Speech => ({
  speechId: "s1",
  participantId: "p1",
  kind: "impromptu",
  guestName: null,
  bookingId: null,
  startedAt: START,
  capMs: 150_000,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId: null,
  override: null,
  ...patch,
});

/** Every news item a screen polling every 250 ms hears from `from` to `to` (ms after the start). */
function heard(floor: Speech, from: number, to: number): { at: number; news: ClockNews }[] {
  const out: { at: number; news: ClockNews }[] = [];
  let before = viewOf(floor, START + from);
  for (let at = from + 250; at <= to; at += 250) {
    const now = viewOf(floor, START + at);
    const news = clockNews(before, now);
    if (news) out.push({ at, news });
    before = now;
  }
  return out;
}

describe("clockNews", () => {
  it("a new speech, after nobody or after someone else: its speaker", () => {
    expect(clockNews(null, viewOf(speech(), START))).toEqual({ kind: "speaker", participantId: "p1" });
    expect(clockNews(viewOf(speech(), START + 5_000), viewOf(speech({ speechId: "s2", participantId: "p2" }), START + 5_250))).toEqual({
      kind: "speaker",
      participantId: "p2",
    });
    expect(clockNews(viewOf(speech(), START), null)).toBeNull();
  });

  it("2:30 to the end and beyond: 剩余 2 分钟 at 2:00, 剩余 1 分钟 at 1:00, 时间到 the moment it is over, then nothing", () => {
    expect(heard(speech(), 0, 200_000)).toEqual([
      { at: 30_000, news: { kind: "minutesLeft", minutes: 2 } },
      { at: 90_000, news: { kind: "minutesLeft", minutes: 1 } },
      { at: 150_250, news: { kind: "timeUp" } },
    ]);
  });

  it("a sleeping tab that wakes past two marks says only the latest", () => {
    expect(clockNews(viewOf(speech(), START + 10_000), viewOf(speech(), START + 100_000))).toEqual({ kind: "minutesLeft", minutes: 1 });
  });

  it("pause and resume once each; a frozen clock says nothing meanwhile", () => {
    const paused = speech({ pausedAt: START + 20_000 });
    expect(clockNews(viewOf(speech(), START + 19_900), viewOf(paused, START + 20_100))).toEqual({ kind: "paused" });
    expect(heard(paused, 20_100, 120_000)).toEqual([]);
    const resumed = speech({ pausedMs: 60_000 });
    expect(clockNews(viewOf(paused, START + 80_000), viewOf(resumed, START + 80_100))).toEqual({ kind: "resumed" });
  });

  it("an extension is said once, and the minute it brings back is not; over time again is said again", () => {
    const over = speech({ capMs: 30_000 });
    expect(clockNews(viewOf(over, START + 29_900), viewOf(over, START + 30_100))).toEqual({ kind: "timeUp" });
    const extended = speech({ capMs: 30_000, extendedMs: 90_000 });
    expect(clockNews(viewOf(over, START + 40_000), viewOf(extended, START + 40_250))).toEqual({ kind: "extended", minutes: 1.5 });
    expect(heard(extended, 40_250, 150_000)).toEqual([
      { at: 60_000, news: { kind: "minutesLeft", minutes: 1 } },
      { at: 120_250, news: { kind: "timeUp" } },
    ]);
  });
});

const interjection = (patch: Partial<Interjection> = {}): Interjection => ({
  interjectionId: "i1",
  participantId: "official",
  speechId: "s1",
  point: null,
  startedAt: START,
  capMs: 150_000,
  resumesSpeech: true,
  outcome: null,
  ...patch,
});

/** Every news item of the interjection's clock a screen polling every 250 ms hears from `from` to `to`. */
function heardInterjection(running: Interjection | null, from: number, to: number): { at: number; news: InterjectionClockNews }[] {
  const out: { at: number; news: InterjectionClockNews }[] = [];
  let before = interjectionViewOf(running, START + from);
  for (let at = from + 250; at <= to; at += 250) {
    const now = interjectionViewOf(running, START + at);
    const news = interjectionClockNews(before, now);
    if (news) out.push({ at, news });
    before = now;
  }
  return out;
}

describe("interjectionClockNews", () => {
  it("an interjection starting, after none or after another: who interjects", () => {
    expect(interjectionClockNews(null, interjectionViewOf(interjection(), START))).toEqual({ kind: "started", participantId: "official" });
    const second = interjection({ interjectionId: "i2", participantId: "other", startedAt: START + 10_000 });
    expect(interjectionClockNews(interjectionViewOf(interjection(), START + 5_000), interjectionViewOf(second, START + 10_250))).toEqual({
      kind: "started",
      participantId: "other",
    });
    expect(interjectionClockNews(interjectionViewOf(interjection(), START), null)).toBeNull();
    expect(interjectionViewOf(null, START)).toBeNull();
  });

  it("2:30 to the end and beyond: 2 and 1 minutes left once each, the end once, never anything between", () => {
    expect(heardInterjection(interjection(), 0, 200_000)).toEqual([
      { at: 30_000, news: { kind: "minutesLeft", minutes: 2 } },
      { at: 90_000, news: { kind: "minutesLeft", minutes: 1 } },
      { at: 150_250, news: { kind: "timeUp" } },
    ]);
  });

  it("a sleeping tab that wakes past two marks says only the latest", () => {
    expect(interjectionClockNews(interjectionViewOf(interjection(), START + 10_000), interjectionViewOf(interjection(), START + 100_000))).toEqual({
      kind: "minutesLeft",
      minutes: 1,
    });
  });
});
