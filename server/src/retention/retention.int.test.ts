// The retention policy of recordings and materials (保留策略) over real HTTP on a real database
// (SQLite here; PostgreSQL in the integration-pg project): the organisers' policy, what it deletes
// and when (counted from the approval of the newest minutes version), the record of every deletion,
// the files gone from disk, a file a crash left behind, two sweeps at once, refused input.
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { fileForm, staffClient, type ApiClient } from "../../../testing/server/api.ts";
import { Harness, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";
import { RecordingStore } from "../media/recording/recordingStore.ts";
import { MinutesVersionStore } from "../minutes/minutesVersionStore.ts";
import { Retention } from "./retention.ts";
import { RetentionStore } from "./retentionStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const PDF = Buffer.from("%PDF-1.4\n% 材料\n%%EOF\n");
const OPUS = Buffer.alloc(3000, 7);
const CLERK = { name: "姜建博", participantId: null, accountId: null };

interface Fixture {
  srv: TestServer;
  org: ApiClient;
  meeting: TestMeeting;
  materialId: string;
  recordingsFolder: string;
  clock: { now: number };
}

/** A meeting with two recordings (one ready, one whose post-processing failed) and a material. */
async function setup(): Promise<Fixture> {
  const clock = { now: Date.UTC(2026, 11, 1, 2, 0, 0) };
  const srv = await h.startServer({ now: () => clock.now });
  const { client: org } = await staffClient(srv.server, srv.url, "secretariat", "organiser");
  const meeting = await h.createMeeting(srv.server, "社区议事会（保留策略）");
  const item = (await org.post(`/api/meetings/${meeting.meetingId}/agenda`, { title: "公共收益使用方案", plannedMinutes: 20 })).body.item.id as string;
  const uploaded = await org.request("POST", `/api/meetings/${meeting.meetingId}/agenda/${item}/materials`, { form: fileForm(PDF, "公共收益方案.pdf") });
  expect(uploaded.status).toBe(201);
  const recordingsFolder = path.join(srv.config.recordingsDir, meeting.meetingId);
  fs.mkdirSync(recordingsFolder, { recursive: true });
  fs.writeFileSync(path.join(recordingsFolder, "rec-1.opus"), OPUS);
  fs.writeFileSync(path.join(recordingsFolder, "rec-2-audio-0.mjr"), OPUS); // a failed take keeps Janus's raw file
  const recordings = new RecordingStore(srv.server.db);
  const startedAt = new Date(clock.now);
  const common = { meetingId: meeting.meetingId, speechId: "speech-1", startedAt };
  await recordings.add({
    ...common,
    id: "rec-1",
    participantId: meeting.people.member1.id,
    part: 1,
    file: "rec-1.opus",
    durationMs: 4000,
    bytes: OPUS.length,
    status: "ready",
  });
  await recordings.add({ ...common, id: "rec-2", participantId: meeting.people.member1.id, part: 2, file: "", durationMs: 0, bytes: 0, status: "failed" });
  return { srv, org, meeting, materialId: uploaded.body.material.id as string, recordingsFolder, clock };
}

/** Saves the minutes (第1稿) and approves them now; returns the approval time. */
async function approveMinutes(f: Fixture): Promise<number> {
  const versions = new MinutesVersionStore(f.srv.server.db, () => f.clock.now);
  const saved = await versions.save(f.meeting.meetingId, { baseVersion: 0, blocks: [], note: null, generated: true }, CLERK);
  expect(saved.ok).toBe(true);
  expect((await versions.approve(f.meeting.meetingId, 1, CLERK))?.ok).toBe(true);
  return f.clock.now;
}

const materialsFolder = (f: Fixture) => path.join(f.srv.dataDir, "materials", f.meeting.meetingId);

it("deletes recordings the policy's days after the minutes' approval, records each deletion and keeps the materials", async () => {
  const f = await setup();
  const overview0 = (await f.org.get("/api/retention")).body;
  expect(overview0).toEqual({
    policy: { recordingsDays: null, materialsDays: null, updatedAt: null, updatedByName: null },
    due: { meetings: 0, recordings: { count: 0, bytes: 0 }, materials: { count: 0, bytes: 0 } },
    upcoming: [],
    deletions: [],
    lastSweepAt: null,
  });

  const saved = await f.org.put("/api/retention", { recordingsDays: 30, materialsDays: null });
  expect(saved.status).toBe(200);
  expect(saved.body.policy).toEqual({ recordingsDays: 30, materialsDays: null, updatedAt: new Date(f.clock.now).toISOString(), updatedByName: "secretariat" });
  // Not approved yet: nothing due, nothing coming.
  expect((await f.org.get("/api/retention")).body).toMatchObject({ due: { meetings: 0 }, upcoming: [] });

  const approvedAt = await approveMinutes(f);
  const overview1 = (await f.org.get("/api/retention")).body;
  expect(overview1.due).toEqual({ meetings: 0, recordings: { count: 0, bytes: 0 }, materials: { count: 0, bytes: 0 } });
  expect(overview1.upcoming).toEqual([
    {
      meetingId: f.meeting.meetingId,
      meetingTitle: "社区议事会（保留策略）",
      approvedAt: new Date(approvedAt).toISOString(),
      recordingsAt: new Date(approvedAt + 30 * DAY).toISOString(),
      materialsAt: null,
      recordings: { count: 2, bytes: OPUS.length },
      materials: { count: 0, bytes: 0 },
    },
  ]);
  // A policy not saved: what it would delete at once, with nothing saved or deleted.
  const preview = await f.org.post("/api/retention/preview", { recordingsDays: 0, materialsDays: 0 });
  expect(preview.body).toEqual({ due: { meetings: 1, recordings: { count: 2, bytes: OPUS.length }, materials: { count: 1, bytes: PDF.length } } });
  expect((await f.org.get("/api/retention")).body.policy.recordingsDays).toBe(30);

  // A minute before the period ends nothing goes.
  f.clock.now = approvedAt + 30 * DAY - 60_000;
  await f.org.login("secretariat"); // the session of 12 hours ended with the days
  expect((await f.org.post("/api/retention/sweep")).body.deleted).toEqual({
    meetings: 0,
    recordings: { count: 0, bytes: 0 },
    materials: { count: 0, bytes: 0 },
  });
  expect(fs.readdirSync(f.recordingsFolder).sort()).toEqual(["rec-1.opus", "rec-2-audio-0.mjr"]);

  f.clock.now = approvedAt + 30 * DAY;
  const swept = await f.org.post("/api/retention/sweep");
  expect(swept.body.deleted).toEqual({ meetings: 1, recordings: { count: 2, bytes: OPUS.length }, materials: { count: 0, bytes: 0 } });
  expect(fs.readdirSync(f.recordingsFolder)).toEqual([]);
  expect(fs.readdirSync(materialsFolder(f))).toHaveLength(1);
  // The recordings stay listed as deleted; their audio is gone.
  const listed = await f.org.get(`/api/meetings/${f.meeting.meetingId}/recordings`);
  expect(listed.body.recordings.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
    ["rec-1", "deleted"],
    ["rec-2", "deleted"],
  ]);
  expect((await f.org.get(`/api/meetings/${f.meeting.meetingId}/recordings/rec-1`)).status).toBe(404);

  const overview2 = (await f.org.get("/api/retention")).body;
  expect(overview2.lastSweepAt).toBe(new Date(f.clock.now).toISOString());
  expect(overview2.upcoming).toEqual([]);
  expect(overview2.deletions.map((d: Record<string, unknown>) => ({ ...d, id: typeof d.id }))).toEqual(
    [1, 2].map((part) => ({
      id: "string",
      deletedAt: new Date(f.clock.now).toISOString(),
      meetingId: f.meeting.meetingId,
      meetingTitle: "社区议事会（保留策略）",
      kind: "recording",
      name: "李帅国",
      part,
      bytes: part === 1 ? OPUS.length : 0,
      days: 30,
      approvedAt: new Date(approvedAt).toISOString(),
    })),
  );
  // A second sweep finds nothing more and records nothing twice.
  expect((await f.org.post("/api/retention/sweep")).body.deleted.meetings).toBe(0);
  expect((await f.org.get("/api/retention")).body.deletions).toHaveLength(2);
});

it("deletes materials under their own period, removes a file a crash left behind, and never deletes a record", async () => {
  const f = await setup();
  await approveMinutes(f);
  await f.org.put("/api/retention", { recordingsDays: null, materialsDays: 0 });
  const [stored] = fs.readdirSync(materialsFolder(f));
  const swept = await f.org.post("/api/retention/sweep");
  expect(swept.body.deleted).toEqual({ meetings: 1, recordings: { count: 0, bytes: 0 }, materials: { count: 1, bytes: PDF.length } });
  expect(fs.readdirSync(materialsFolder(f))).toEqual([]);
  expect((await f.org.get(`/api/meetings/${f.meeting.meetingId}/materials/${f.materialId}`)).status).toBe(404);
  const agenda = (await f.org.get(`/api/meetings/${f.meeting.meetingId}`)).body;
  expect(JSON.stringify(agenda)).not.toContain("公共收益方案.pdf");
  expect(fs.readdirSync(f.recordingsFolder)).toHaveLength(2); // recordings are kept
  const [deletion] = (await f.org.get("/api/retention")).body.deletions;
  expect(deletion).toMatchObject({ kind: "material", name: "公共收益方案.pdf", part: null, bytes: PDF.length, days: 0 });

  // The server died between the record and the file: the next sweep removes the file.
  fs.writeFileSync(path.join(materialsFolder(f), stored!), PDF);
  await f.org.post("/api/retention/sweep");
  expect(fs.readdirSync(materialsFolder(f))).toEqual([]);

  // The record of deletions is never changed or deleted, whoever writes to the database.
  const db = f.srv.server.db;
  await expect(db.$executeRaw`DELETE FROM "RetentionDeletion"`).rejects.toThrow(/never deleted/);
  await expect(db.$executeRaw`UPDATE "RetentionDeletion" SET "name" = 'x'`).rejects.toThrow(/never changes/);
  expect((await f.org.get("/api/retention")).body.deletions).toHaveLength(1);
});

it("waits while the newest minutes version is a correction not yet approved", async () => {
  const f = await setup();
  await approveMinutes(f);
  const versions = new MinutesVersionStore(f.srv.server.db, () => f.clock.now);
  expect((await versions.save(f.meeting.meetingId, { baseVersion: 1, blocks: [], note: "更正发言人单位", generated: false }, CLERK)).ok).toBe(true);
  await f.org.put("/api/retention", { recordingsDays: 0, materialsDays: 0 });
  expect((await f.org.post("/api/retention/preview", { recordingsDays: 0, materialsDays: 0 })).body.due.meetings).toBe(0);
  expect((await f.org.post("/api/retention/sweep")).body.deleted.meetings).toBe(0);
  expect(fs.readdirSync(f.recordingsFolder)).toHaveLength(2);

  f.clock.now += DAY;
  await f.org.login("secretariat"); // the session of 12 hours ended
  expect((await versions.approve(f.meeting.meetingId, 2, CLERK))?.ok).toBe(true);
  expect((await f.org.post("/api/retention/sweep")).body.deleted).toMatchObject({ meetings: 1, recordings: { count: 2 }, materials: { count: 1 } });
  expect((await f.org.get("/api/retention")).body.deletions.every((d: { approvedAt: string }) => d.approvedAt === new Date(f.clock.now).toISOString())).toBe(
    true,
  );
});

it("two sweeps at once (two servers on one database) delete and record each file once", async () => {
  const f = await setup();
  await approveMinutes(f);
  await f.org.put("/api/retention", { recordingsDays: 0, materialsDays: 0 });
  const other = new Retention({
    store: new RetentionStore(f.srv.server.db),
    dataDir: f.srv.dataDir,
    recordingsDir: f.srv.config.recordingsDir,
    now: () => f.clock.now,
    log: () => {},
    materialsChanged: async () => {},
  });
  const [a, b] = await Promise.all([f.srv.server.retention.sweep(), other.sweep()]);
  expect(a.recordings.count + b.recordings.count).toBe(2);
  expect(a.materials.count + b.materials.count).toBe(1);
  expect((await f.org.get("/api/retention")).body.deletions).toHaveLength(3);
  await other.close();
});

it("refuses a malformed policy with VALIDATION and keeps the saved one; other roles are refused", async () => {
  const f = await setup();
  await f.org.put("/api/retention", { recordingsDays: 90, materialsDays: 365 });
  for (const body of [
    { recordingsDays: -1, materialsDays: null },
    { recordingsDays: 1.5, materialsDays: null },
    { recordingsDays: 3651, materialsDays: null },
    { recordingsDays: "30", materialsDays: null },
    { recordingsDays: 30 },
    { recordingsDays: 30, materialsDays: 30, keep: true },
  ]) {
    const refused = await f.org.put("/api/retention", body);
    expect(refused.status, JSON.stringify(body)).toBe(400);
    expect(refused.body.error.code).toBe("VALIDATION");
    expect(refused.body.error.message.zh).not.toBe("");
    expect((await f.org.post("/api/retention/preview", body)).status).toBe(400);
  }
  expect((await f.org.get("/api/retention")).body.policy).toMatchObject({ recordingsDays: 90, materialsDays: 365 });
  const { client: clerk } = await staffClient(f.srv.server, f.srv.url, "clerk1", "clerk");
  expect((await clerk.put("/api/retention", { recordingsDays: 0, materialsDays: 0 })).status).toBe(403);
  expect((await clerk.post("/api/retention/sweep")).status).toBe(403);
  expect((await f.org.get("/api/retention")).body.policy).toMatchObject({ recordingsDays: 90, materialsDays: 365 });
});
