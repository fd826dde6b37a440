// The data folder is owner-only on a real SQLite file: a fresh folder is created 700 with the
// database, its -wal and -shm and every upload 600; a folder an older version left 755/644 is
// narrowed at the next start; an external Janus's shared recordings folder is left alone.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { fileForm, staffClient } from "../../../testing/server/api.ts";
import { createDepartment, departmentClient, newLedgerItem } from "../../../testing/server/ledger.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");

/** The modes of the data folder and the database files, by name. */
function modes(dataDir: string): Record<string, string> {
  const db = path.join(dataDir, "yishiting.db");
  return {
    dataDir: modeOf(dataDir),
    db: modeOf(db),
    wal: modeOf(`${db}-wal`),
    shm: modeOf(`${db}-shm`),
    recordings: modeOf(path.join(dataDir, "recordings")),
  };
}

const PRIVATE = { dataDir: "700", db: "600", wal: "600", shm: "600", recordings: "700" };

describe("the data folder", () => {
  // The test runs with the usual umask 022: without the explicit modes all of these would be 755/644.
  it("is created 700 with the database, its -wal and -shm and the uploads 600", async () => {
    const dataDir = path.join(h.tempDir(), "data", "yst"); // mkdtemp's folder is 700 already: a new one below it
    const t = await h.startServer({ dataDir });
    expect(modes(dataDir)).toEqual(PRIVATE);

    const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
    const m = await h.createMeeting(t.server);
    const item = (await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "通报", plannedMinutes: 10 })).body.item.id as string;
    expect((await org.request("POST", `/api/meetings/${m.meetingId}/agenda/${item}/materials`, { form: fileForm(PDF, "情况通报.pdf") })).status).toBe(201);
    const materials = path.join(dataDir, "materials", m.meetingId);
    expect([modeOf(path.join(dataDir, "materials")), modeOf(materials), ...fs.readdirSync(materials).map((f) => modeOf(path.join(materials, f)))]).toEqual([
      "700",
      "700",
      "600",
    ]);

    const department = await createDepartment(t.server, "区住建委");
    const dept = (await departmentClient(t.server, t.url, "zhujian", department.id)).client;
    const ledgerItem = await newLedgerItem(t.server, department.id, { now: Date.now() });
    expect((await dept.request("POST", `/api/ledger/items/${ledgerItem}/attachments`, { form: fileForm(PDF, "答复.pdf") })).status).toBe(201);
    const attachments = path.join(dataDir, "ledger", ledgerItem);
    expect([modeOf(attachments), ...fs.readdirSync(attachments).map((f) => modeOf(path.join(attachments, f)))]).toEqual(["700", "600"]);
  });

  it("narrows a folder and database an older version left 755/644 at the next start", async () => {
    const dataDir = path.join(h.tempDir(), "data");
    const first = await h.startServer({ dataDir });
    await first.close();
    const db = path.join(dataDir, "yishiting.db");
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(db, 0o644);
    fs.chmodSync(path.join(dataDir, "recordings"), 0o755);
    expect([modeOf(dataDir), modeOf(db)]).toEqual(["755", "644"]);
    await h.startServer({ dataDir });
    expect(modes(dataDir)).toEqual(PRIVATE);
  });

  it("leaves the recordings folder of an external Janus as it is: Janus's user writes there too", async () => {
    const dataDir = path.join(h.tempDir(), "data");
    const shared = path.join(h.tempDir(), "recordings");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o2775);
    const env = { YST_MEDIA: "external", YST_JANUS_URL: "ws://127.0.0.1:9", YST_RECORDINGS_DIR: shared };
    await h.startServer({ dataDir, env });
    expect([modeOf(dataDir), modeOf(path.join(dataDir, "yishiting.db")), (fs.statSync(shared).mode & 0o7777).toString(8)]).toEqual(["700", "600", "2775"]);
  });
});
