// Speech recordings over real HTTP (no Janus needed): a row stored through RecordingStore and
// its file in the recordings folder; who may list and fetch them, Range requests, bad input.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, linkAccount, staffClient } from "../../../../testing/server/api.ts";
import { Harness } from "../../../../testing/server/harness.ts";
import { RecordingStore } from "./recordingStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** Not a real Ogg file: the routes serve bytes, they do not decode them. */
const AUDIO = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(4000, 0x5a)]);

async function setup() {
  const t = await h.startServer();
  const m = await h.createMeeting(t.server);
  const other = await h.createMeeting(t.server, "另一个会议");
  const store = new RecordingStore(t.server.db);
  const add = async (meetingId: string, status: "ready" | "failed" = "ready") => {
    const id = randomUUID();
    const file = status === "ready" ? `${id}.opus` : "";
    if (file) {
      fs.mkdirSync(path.join(t.config.recordingsDir, meetingId), { recursive: true });
      fs.writeFileSync(path.join(t.config.recordingsDir, meetingId, file), AUDIO);
    }
    return store.add({
      id,
      meetingId,
      speechId: randomUUID(),
      participantId: m.people.member1.id,
      part: 1,
      file,
      startedAt: new Date(1_764_000_000_000),
      durationMs: 3000,
      bytes: file ? AUDIO.length : 0,
      status,
    });
  };
  const recording = await add(m.meetingId);
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const list = `/api/meetings/${m.meetingId}/recordings`;
  const audio = `${list}/${recording.id}`;
  return { ...t, m, other, add, recording, bearer, list, audio, anon: new ApiClient(t.url) };
}

describe("speech recordings API", () => {
  it("lists a meeting's recordings and serves one as audio/ogg to its chair and clerk (join token)", async () => {
    const { anon, m, bearer, list, audio, recording } = await setup();
    for (const who of ["chair", "clerk"] as const) {
      const listed = await anon.get(list, bearer(m.tokens[who]));
      expect(listed.status, who).toBe(200);
      expect(listed.body).toEqual({
        recordings: [
          {
            id: recording.id,
            speechId: recording.speechId,
            participantId: m.people.member1.id,
            part: 1,
            startedAt: new Date(1_764_000_000_000).toISOString(),
            durationMs: 3000,
            bytes: AUDIO.length,
            status: "ready",
            // No pause or interjection in this (made-up) speech.
            markers: [],
          },
        ],
      });
      const file = await anon.get(audio, bearer(m.tokens[who]));
      expect(file.status, who).toBe(200);
      expect(file.headers.get("content-type")).toBe("audio/ogg");
      expect(file.headers.get("cache-control")).toBe("private, no-store");
      expect(file.bytes.equals(AUDIO)).toBe(true);
    }
  });

  it("answers Range requests (206) so a player can seek", async () => {
    const { anon, m, bearer, audio } = await setup();
    const res = await anon.get(audio, { headers: { ...bearer(m.tokens.clerk).headers, Range: "bytes=100-199" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-199/${AUDIO.length}`);
    expect(res.bytes.equals(AUDIO.subarray(100, 200))).toBe(true);
  });

  it("serves organisers, admins and linked chair/clerk accounts; refuses an unlinked clerk account (403)", async () => {
    const { server, url, m, list, audio } = await setup();
    const { client: org } = await staffClient(server, url, "organiser1", "organiser");
    const { client: admin } = await staffClient(server, url, "admin1", "admin");
    const { client: clerk, account } = await staffClient(server, url, "clerk1", "clerk");
    for (const client of [org, admin]) {
      expect((await client.get(list)).status).toBe(200);
      expect((await client.get(audio)).status).toBe(200);
    }
    const refused = await clerk.get(audio);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "FORBIDDEN", message: { zh: expect.any(String), en: expect.any(String) } });
    expect((await clerk.get(list)).status).toBe(403);
    await linkAccount(server, m.people.clerk.id, account.id);
    expect((await clerk.get(audio)).status).toBe(200);
    expect((await clerk.get(list)).status).toBe(200);
  });

  it("refuses members, officials, observers and other meetings' chair with 403 FORBIDDEN, and no credentials with 401", async () => {
    const { server, anon, m, other, bearer, list, audio } = await setup();
    const official = await server.db.participant.create({ data: { id: randomUUID(), meetingId: m.meetingId, name: "列席者", role: "official" } });
    const officialToken = await server.tokens.issue({ participantId: official.id, meetingId: m.meetingId, role: "official" });
    const tokens = {
      member: m.tokens.member1,
      official: officialToken,
      observer: m.tokens.observer,
      otherChair: other.tokens.chair,
      otherClerk: other.tokens.clerk,
    };
    for (const [who, token] of Object.entries(tokens)) {
      for (const target of [list, audio]) {
        const res = await anon.get(target, bearer(token));
        expect(res.status, `${who} ${target}`).toBe(403);
        expect(res.body.error.code, who).toBe("FORBIDDEN");
        expect(res.bytes.includes(AUDIO.subarray(0, 16))).toBe(false);
      }
    }
    for (const target of [list, audio]) {
      const res = await anon.get(target);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    }
    const forged = await anon.get(audio, bearer(`${m.tokens.clerk.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("TOKEN_INVALID");
  });

  it("404 for an unknown recording, another meeting's recording through this meeting, and a failed one; 400 for a bad id", async () => {
    const { anon, m, other, add, bearer, list } = await setup();
    const foreign = await add(other.meetingId);
    const failed = await add(m.meetingId, "failed");
    for (const id of [randomUUID(), foreign.id, failed.id]) {
      const res = await anon.get(`${list}/${id}`, bearer(m.tokens.clerk));
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    // A failed recording is listed (the clerk sees that it failed), never served.
    const listed = await anon.get(list, bearer(m.tokens.clerk));
    expect(listed.body.recordings.map((r: { id: string; status: string }) => [r.id, r.status])).toContainEqual([failed.id, "failed"]);
    const bad = await anon.get(`${list}/${"x".repeat(65)}`, bearer(m.tokens.clerk));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION");
  });

  it("a listed file that went missing from disk is 404, not 500", async () => {
    const { anon, m, bearer, audio, config, recording } = await setup();
    fs.rmSync(path.join(config.recordingsDir, m.meetingId, recording.file));
    const res = await anon.get(audio, bearer(m.tokens.clerk));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});
