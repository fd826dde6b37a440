// Transcripts in the archive search over real HTTP: a meeting whose speeches were typed by a
// stenographer and the clerk (a line corrected afterwards) and drafted by speech recognition,
// run through the real room on a real database, indexed by the server after the committed
// events. Found by two-character Chinese words as kind "transcript" with the speaker; the
// corrected text replaces the typo; a term never spans two lines; organisers and admins only.
import { afterEach, describe, expect, it } from "vitest";
import type { YishitingServer } from "../server.ts";
import { staffClient, type Json } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { bearer } from "../../../testing/server/minutesMeeting.ts";
import { LINES, TRANSCRIPT_ITEM, transcriptMeeting } from "../../../testing/server/transcriptMeeting.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function indexed(server: YishitingServer, meetingId: string): Promise<void> {
  const seq = (await server.rooms.get(meetingId)).current.seq;
  await expect.poll(async () => (await server.db.archiveIndexState.findUnique({ where: { meetingId } }))?.seq, { timeout: 10_000, interval: 50 }).toBe(seq);
}

async function setup() {
  const s = await transcriptMeeting(h, { archiveDebounceMs: 100 });
  await indexed(s.server, s.meetingId);
  const { client: organiser } = await staffClient(s.server, s.url, "secretariat", "organiser");
  const search = async (q: string): Promise<Json[]> => {
    const res = await organiser.get(`/api/archive/search?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results as Json[];
  };
  const transcriptHits = async (q: string) => (await search(q)).filter((r) => r.kind === "transcript");
  return { ...s, search, transcriptHits };
}

describe("transcripts in the archive search", () => {
  it("finds typed, interjection and machine-drafted lines by 2-character words, with the speaker and the agenda item", async () => {
    const s = await setup();
    const [typed] = await s.transcriptHits("并联");
    expect(typed).toMatchObject({ meetingId: s.meetingId, kind: "transcript", ref: `speech:${s.first.id}`, item: TRANSCRIPT_ITEM, speaker: "张丽华" });
    expect(typed.snippet.filter((p: Json) => p.match).map((p: Json) => p.text)).toEqual(["并联"]);
    // The unit is the speech's current lines in order, one per line.
    expect((await s.transcriptHits("意见"))[0].snippet.map((p: Json) => p.text).join("")).toMatch(
      new RegExp(`^${[LINES.first, LINES.corrected].join("\n")}\n`),
    );

    expect(await s.transcriptHits("工作日")).toMatchObject([{ ref: `interjection:${s.interjection.id}`, speaker: "刘建国", item: TRANSCRIPT_ITEM }]);
    expect(await s.transcriptHits("照料")).toMatchObject([{ ref: `speech:${s.second.id}`, speaker: "李明" }]);
    expect(await s.transcriptHits("梯")).toMatchObject([{ ref: `speech:${s.first.id}` }]);

    // The typo the clerk corrected is nowhere; a term never runs from one line into the next.
    expect(await s.search("一窗")).toEqual([]);
    expect(await s.transcriptHits("意见第二")).toEqual([]);
  });

  it("follows a correction after the debounce", async () => {
    const s = await setup();
    const line = s.room.current.transcript.find((l) => l.text === LINES.corrected)!;
    await s.ok("clerk", { type: "transcript.correct", lineId: line.id, text: "第二，审批流程要简化，推行容缺受理。", baseVersion: 2 });
    await indexed(s.server, s.meetingId);
    expect(await s.transcriptHits("并联")).toEqual([]);
    expect(await s.transcriptHits("容缺")).toMatchObject([{ ref: `speech:${s.first.id}`, speaker: "张丽华" }]);
  });

  it("is the archive's audience only: a stenographer's or a chair's join token is refused, a clerk's session forbidden", async () => {
    const s = await setup();
    const path = `/api/archive/search?q=${encodeURIComponent("并联")}`;
    for (const who of ["steno", "chair"] as const) expect((await s.anon.get(path, bearer(s.tokens[who]))).status).toBe(401);
    const { client: clerk } = await staffClient(s.server, s.url, "clerk1", "clerk");
    expect((await clerk.get(path)).status).toBe(403);
  });
});
