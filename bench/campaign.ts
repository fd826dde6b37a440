// A 3,000-household consent campaign (`npm run bench:campaign`, docs/performance.md): 30
// buildings × 2 units × 50 flats on a temp SQLite file, 90 % of households answered (with a
// change history). Times what the secretariat's screens and downloads do — the progress view
// (CampaignStore.progress), the door list, generating the report as PDF and XLSX (what the
// close costs once), downloading the stored report of the closed campaign — against baselines
// measured in the same run on the same rows: a plain SQL GROUP BY count of the answers, and
// reading the answer rows with their households without computing anything. Median of
// BENCH_RUNS (9) runs after a warm-up; verdict against the 200 ms target.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ANSWERS } from "../core/campaign/campaign.ts";
import { CampaignStore } from "../server/src/campaign/campaignStore.ts";
import { REPORT_FORMATS, reportPdf, reportXlsx, type ReportFormat } from "../server/src/campaign/campaignReport.ts";
import { openSqliteDatabase } from "../server/src/db/sqliteDatabase.ts";
import { reportThread } from "../server/src/campaign/reportThread.ts";
import { findPdfFonts } from "../server/src/minutes/cjkFonts.ts";

const BUILDINGS = 30;
const UNITS = 2;
const FLATS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 200;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-bench-campaign-"));
const db = await openSqliteDatabase(path.join(dir, "db.sqlite"));
const now = Date.parse("2026-12-20T02:00:00Z");
const store = new CampaignStore(db, () => now);
try {
  const community = await db.community.create({ data: { id: randomUUID(), name: "艺术巷社区", publicCode: "benchbenchbench1", createdAt: new Date(now) } });
  const households = Array.from({ length: BUILDINGS * UNITS * FLATS }, (_, i) => ({
    id: randomUUID(),
    communityId: community.id,
    building: `${Math.floor(i / (UNITS * FLATS)) + 1}号楼`,
    unit: `${(Math.floor(i / FLATS) % UNITS) + 1}单元`,
    room: String(101 + (i % FLATS)),
    representative: `住户${i}`,
    createdAt: new Date(now),
  }));
  await db.household.createMany({ data: households });
  const campaign = await db.campaign.create({
    data: {
      id: randomUUID(),
      communityId: community.id,
      title: "艺术巷 水电改造方案",
      question: "您是否同意艺术巷小区水电改造方案？",
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 86_400_000),
      rule: JSON.stringify({ overall: { num: 80, den: 100 }, buildings: [{ building: null, share: { num: 2, den: 3 } }] }),
      createdBy: "bench",
      createdAt: new Date(now),
    },
  });
  // 90 % answered (mostly 同意), every tenth of those changed once before.
  const answered = households.filter((_, i) => i % 10 !== 9);
  const fields = (h: (typeof households)[number], i: number) => ({
    campaignId: campaign.id,
    householdId: h.id,
    representative: h.representative,
    method: "in_person",
    recordedBy: null,
    recordedByName: "网格员小王",
    recordedAt: new Date(now - i * 1000),
    receivedAt: new Date(now - i * 1000),
  });
  await db.campaignAnswer.createMany({
    data: answered.map((h, i) => ({ id: randomUUID(), answer: ANSWERS[i % 7 === 0 ? 1 + (i % 2) : 0]!, clientId: `c${i}`, ...fields(h, i) })),
  });
  await db.campaignAnswerChange.createMany({
    data: answered.flatMap((h, i) => [
      ...(i % 10 === 0 ? [{ id: randomUUID(), clientId: `b${i}`, fromAnswer: null, toAnswer: "undecided", ...fields(h, i) }] : []),
      {
        id: randomUUID(),
        clientId: `c${i}`,
        fromAnswer: i % 10 === 0 ? "undecided" : null,
        toAnswer: ANSWERS[i % 7 === 0 ? 1 + (i % 2) : 0]!,
        ...fields(h, i),
      },
    ]),
  });
  const view = (await store.get(campaign.id))!;
  const fonts = findPdfFonts();

  const median = async (run: () => Promise<unknown>): Promise<number> => {
    await run(); // warm-up: JIT, statement caches, fonts
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  /** Median time of `run`, and the median of the longest each run held the main thread without running a 1 ms timer (what every socket waits). */
  const stalls = async (run: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> => {
    const held: number[] = [];
    const ms = await median(async () => {
      let last = performance.now();
      let longest = 0;
      const tick = setInterval(() => {
        const at = performance.now();
        longest = Math.max(longest, at - last);
        last = at;
      }, 1);
      await run();
      clearInterval(tick);
      // A run that never yields to the timers (all microtasks) held the loop until now.
      held.push(Math.max(longest, performance.now() - last));
    });
    held.shift(); // the warm-up
    return { ms, stallMs: held.sort((a, b) => a - b)[Math.floor(held.length / 2)]! };
  };
  const report = async () => ({ campaign: view, ...(await store.reportData(view)), at: now });

  // Rows held to the target: what a screen or a download waits for, and how long the main thread
  // (every meeting's sockets) is held while a report is made. Generating in the worker is shown, not held
  // to it: it runs once at the close, off the main thread.
  const rows: { name: string; ms: number; held: boolean }[] = [];
  const row = (name: string, ms: number, held = !name.startsWith("baseline")) => rows.push({ name, ms, held });
  row(
    "baseline: SQL count by answer",
    await median(() => db.$queryRawUnsafe(`SELECT answer, COUNT(*) AS n FROM "CampaignAnswer" WHERE "campaignId" = ? GROUP BY answer`, campaign.id)),
  );
  row(
    "baseline: read answers + households",
    await median(() =>
      Promise.all([
        db.household.findMany({ where: { communityId: community.id } }),
        db.campaignAnswer.findMany({ where: { campaignId: campaign.id }, select: { householdId: true, answer: true } }),
      ]),
    ),
  );
  row("(a) progress view (counts, buildings, units, door list)", await median(() => store.progress(view)));
  row("(b) door list with answers (grid worker)", await median(() => store.doors(view)));
  for (const format of REPORT_FORMATS) {
    const make = format === "pdf" ? reportPdf : reportXlsx;
    const before = await stalls(async () => make(await report(), fonts));
    const worker = await stalls(async () => reportThread.make(await report(), format, () => fonts));
    row(`baseline: generate ${format} on the main thread`, before.ms);
    row(`baseline: main-thread stall, ${format} made there`, before.stallMs);
    row(`(c) generate ${format} in the worker thread`, worker.ms, false);
    row(`(c) main-thread stall while the worker makes ${format}`, worker.stallMs);
  }
  // The close stores both files; a download of the closed campaign reads the stored bytes.
  const closing = await store.close(campaign.id);
  if (!closing.ok) throw new Error(closing.error.code);
  const closed = closing.value;
  const closedReport = async () => ({ campaign: closed, ...(await store.reportData(closed)), at: now });
  const sizes: Record<string, number> = {};
  for (const format of REPORT_FORMATS) {
    const made = await store.finalReport(closed, format, async () => reportThread.make(await closedReport(), format, () => fonts));
    sizes[format] = made!.length;
  }
  const stored = (format: ReportFormat) => () =>
    store.finalReport(closed, format, () => Promise.reject(new Error("the stored report should have been sent, not made again")));
  row("(d) download stored report PDF (closed campaign)", await median(stored("pdf")));
  row("(d) download stored report XLSX (closed campaign)", await median(stored("xlsx")));
  const pdfPages = (await stored("pdf")())!.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
  console.log(
    `consent campaign: ${households.length} households (${BUILDINGS} buildings × ${UNITS} units × ${FLATS}), ${answered.length} answered, median of ${RUNS} runs (${os.cpus().length} CPUs)`,
  );
  for (const { name, ms, held } of rows)
    console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms${held ? `  ${ms <= TARGET_MS ? "under" : "OVER"} ${TARGET_MS} ms` : ""}`);
  const ms = (name: string) => rows.find((r) => r.name === name)!.ms;
  const progressMs = ms("(a) progress view (counts, buildings, units, door list)");
  console.log(
    `progress view / SQL count baseline: ×${(progressMs / ms("baseline: SQL count by answer")).toFixed(1)}; / reading the rows: ×${(progressMs / ms("baseline: read answers + households")).toFixed(1)}; main-thread stall while making the PDF, worker / main thread: ×${(ms("(c) main-thread stall while the worker makes pdf") / ms("baseline: main-thread stall, pdf made there")).toFixed(2)}; PDF ${pdfPages} pages, ${(sizes.pdf! / 1024).toFixed(0)} KiB; XLSX ${(sizes.xlsx! / 1024).toFixed(0)} KiB`,
  );
  const over = rows.filter((r) => r.held && r.ms > TARGET_MS);
  console.log(`target ≤ ${TARGET_MS} ms: ${over.length === 0 ? "met" : `MISSED by ${over.map((r) => r.name).join(", ")}`}`);
  await reportThread.stop();
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
