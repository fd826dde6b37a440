// 速记 and 字幕 end to end: a real server (port 0) on a real SQLite file and real socket.io
// clients. The chair names two stenographers (接力: the observer and a member); while a member
// holds the floor each types a line, and the room display has each as a caption within a second.
// The machine draft is the server's alone (every socket is refused); a member without the shared
// record who reconnects gets only the lines of the speech holding the floor, the clerk everything;
// the clerk's correction is withheld from members; after a restart over the same data folder the
// whole transcript, correction included, is still there.
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import { captionLines } from "../../../core/transcript/captions.ts";
import { eventually, Harness, persisted, send, settle, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const refused = (code: string) => ({ ok: false, error: { code, message: { zh: expect.any(String), en: expect.any(String) } } });
const texts = (s: MeetingState) => s.transcript.map((l) => l.text);

describe("stenography (速记) and captions (字幕)", () => {
  it("relay of two stenographers reaches the display within a second; the record's rule on reconnect; kept across a restart", async () => {
    const t = await h.startServer();
    const m = await h.createMeeting(t.server, "关于老旧小区改造的专题协商会", { open: true });
    const { member1: speakerP, member2: relayP, observer: stenoP } = m.people;
    const [chair, speaker, relay, clerk, steno] = await Promise.all(
      [m.tokens.chair, m.tokens.member1, m.tokens.member2, m.tokens.clerk, m.tokens.observer].map((token) => h.connect(t.url, token)),
    );
    let display = await h.connect(t.url, await h.displayToken(t.server, m.meetingId));
    let all: TestClient[] = [chair!, speaker!, relay!, clerk!, steno!, display];
    const ok = async (client: TestClient, command: unknown) => {
      expect(await send(client, command), JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, t.server);
    };
    const live = async () => (await t.server.rooms.get(m.meetingId)).current;

    // The chair names the observer, the clerk a member: two stenographers relaying.
    await ok(chair!, { type: "stenography.assign", participantId: stenoP.id });
    await ok(clerk!, { type: "stenography.assign", participantId: relayP.id });
    expect(await send(chair!, { type: "stenography.assign", participantId: stenoP.id })).toEqual(refused("ALREADY_STENOGRAPHER"));
    expect(await send(speaker!, { type: "stenography.assign", participantId: speakerP.id })).toEqual(refused("FORBIDDEN"));
    for (const client of all) expect(client.state.stenographers).toEqual([stenoP.id, relayP.id]);

    // Nobody holds the floor: nothing to type into.
    const nowhere = { kind: "speech", id: "s-none" };
    expect(await send(steno!, { type: "transcript.append", entry: nowhere, text: "开场" })).toEqual(refused("NOT_CURRENT_ENTRY"));

    // A member speaks; the two stenographers type a line each, in turn.
    await ok(speaker!, { type: "queue.request" });
    await ok(chair!, { type: "floor.give", participantId: speakerP.id });
    const first = { kind: "speech", id: (await live()).floor!.speechId };
    const typed = async (client: TestClient, text: string) => {
      const sentAt = Date.now();
      expect(await send(client, { type: "transcript.append", entry: first, text })).toMatchObject({ ok: true });
      await eventually(() => expect(captionLines(display.state).map((l) => l.text)).toContain(text), 1_000);
      return Date.now() - sentAt;
    };
    expect(await typed(steno!, "各位委员，我就老旧小区加装电梯谈几点建议。")).toBeLessThan(1_000);
    expect(await typed(relay!, "第一，资金由政府、居民和社会多方分担。")).toBeLessThan(1_000);
    await settle(all, t.server);
    expect(captionLines(display.state).map((l) => [l.text, l.by, l.source])).toEqual([
      ["各位委员，我就老旧小区加装电梯谈几点建议。", stenoP.id, "steno"],
      ["第一，资金由政府、居民和社会多方分担。", relayP.id, "steno"],
    ]);
    for (const client of all) expect(captionLines(client.state)).toEqual(captionLines(await live()));

    // Not named: refused. The machine draft is the server's alone: every socket is refused.
    expect(await send(speaker!, { type: "transcript.append", entry: first, text: "我自己记" })).toEqual(refused("FORBIDDEN"));
    const draft = { type: "transcript.draft", entry: first, engine: "pocketsphinx", lines: [{ text: "good morning", startMs: 0, endMs: 900 }] };
    for (const client of [chair!, clerk!, steno!, speaker!]) expect(await send(client, draft)).toEqual(refused("FORBIDDEN"));
    expect(await send(display, draft)).toEqual(refused("FORBIDDEN"));

    // The speech ends; the server drafts it. The next speech's line is the only caption.
    await ok(chair!, { type: "floor.end" });
    expect(captionLines(display.state)).toEqual([]);
    expect(await (await t.server.rooms.get(m.meetingId)).submit(SYSTEM_ACTOR, draft as never)).toMatchObject({ ok: true });
    await ok(relay!, { type: "queue.request" });
    await ok(chair!, { type: "floor.give", participantId: relayP.id });
    const second = { kind: "speech", id: (await live()).floor!.speechId };
    expect(await send(steno!, { type: "transcript.append", entry: first, text: "迟到的一句" })).toEqual(refused("NOT_CURRENT_ENTRY"));
    await ok(steno!, { type: "transcript.append", entry: second, text: "我补充一点：要做好管线迁改。" });

    // The clerk corrects the first line: members and the display receive record.withheld instead.
    const firstLine = (await live()).transcript[0]!;
    const before = speaker!.broadcasts.length;
    await ok(clerk!, { type: "transcript.correct", lineId: firstLine.id, text: "各位委员：我就老旧小区加装电梯谈几点建议。", baseVersion: 1 });
    expect(await send(chair!, { type: "transcript.correct", lineId: firstLine.id, text: "旧稿", baseVersion: 1 })).toEqual(refused("EDIT_CONFLICT"));
    expect(
      speaker!.broadcasts
        .slice(before)
        .flat()
        .map((e) => e.event.type),
    ).toEqual(["record.withheld"]);
    expect(JSON.stringify(display.broadcasts)).not.toContain("各位委员：我就");

    // Reconnecting: a member (the record not shared) and the display get only the lines of the
    // speech holding the floor; the clerk the whole transcript, draft and correction included.
    speaker!.close();
    display.close();
    const speakerAgain = await h.connect(t.url, m.tokens.member1);
    display = await h.connect(t.url, await h.displayToken(t.server, m.meetingId));
    const clerkAgain = await h.connect(t.url, m.tokens.clerk);
    all = [chair!, relay!, clerk!, steno!, speakerAgain, display, clerkAgain];
    await settle(all, t.server);
    for (const client of [speakerAgain, display]) expect(texts(client.state)).toEqual(["我补充一点：要做好管线迁改。"]);
    const everything = ["各位委员：我就老旧小区加装电梯谈几点建议。", "第一，资金由政府、居民和社会多方分担。", "good morning", "我补充一点：要做好管线迁改。"];
    expect(texts(clerkAgain.state)).toEqual(everything);

    // A restart over the same data folder: the transcript is in the record.
    const { dataDir } = t;
    const meetingId = m.meetingId;
    await t.close();
    const again = await h.startServer({ dataDir });
    const { state, events } = await persisted(again.server, meetingId);
    expect(texts(state)).toEqual(everything);
    expect(state.stenographers).toEqual([stenoP.id, relayP.id]);
    expect(state.transcript[0]).toMatchObject({
      by: stenoP.id,
      source: "steno",
      version: 2,
      history: [{ text: "各位委员，我就老旧小区加装电梯谈几点建议。", by: m.people.clerk.id, version: 1 }],
    });
    expect(state.transcript[2]).toMatchObject({ source: "machine", by: null, offsetMs: 0, endMs: 900 });
    expect(events.filter((e) => e.event.type.startsWith("transcript.")).map((e) => e.event.type)).toEqual([
      "transcript.appended",
      "transcript.appended",
      "transcript.drafted",
      "transcript.appended",
      "transcript.corrected",
    ]);
    const clerkAfter = await h.connect(again.url, m.tokens.clerk);
    expect(texts(clerkAfter.state)).toEqual(everything);
  });
});
