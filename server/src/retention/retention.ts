// The retention policy (保留策略) and its sweep: hourly on every server (and a minute after it starts), or
// when an organiser asks. Each due file is first taken out of its meeting and recorded (one
// transaction, retentionStore.ts), then removed from disk; a file a crash left behind is removed
// by the next sweep, from the record. The log says counts only, never names.
import fs from "node:fs/promises";
import path from "node:path";
import type { RetentionPolicy, RetentionPolicyInput, RetentionResponse, RetentionTotals } from "../../../core/api/retention.ts";
import { meetingRecordingsDir } from "../media/recording/recordingFiles.ts";
import { MaterialFiles } from "../meetings/materialFiles.ts";
import { dueKinds, dueTotals, upcoming } from "./retentionPlan.ts";
import type { RetainedFile, RetentionStore, StoredPolicy } from "./retentionStore.ts";

const STARTUP_DELAY_MS = 60_000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** How far back the record is read for files a crash left behind. */
const LEFTOVER_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  store: RetentionStore;
  dataDir: string;
  recordingsDir: string;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** A meeting's materials changed: its live agenda follows (meetings/meetingChanges.ts). */
  materialsChanged: (meetingId: string) => Promise<void>;
}

const policyView = (policy: StoredPolicy): RetentionPolicy => ({
  recordingsDays: policy.recordingsDays,
  materialsDays: policy.materialsDays,
  updatedAt: policy.updatedAt?.toISOString() ?? null,
  updatedByName: policy.updatedByName,
});

const nothing = (): RetentionTotals => ({ meetings: 0, recordings: { count: 0, bytes: 0 }, materials: { count: 0, bytes: 0 } });

export class Retention {
  private readonly materialFiles: MaterialFiles;
  private running: Promise<RetentionTotals> | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: RetentionDeps) {
    this.materialFiles = new MaterialFiles(deps.dataDir);
  }

  /** Sweeps a minute after start, then every hour; the timers never keep the process alive. */
  start(): void {
    const scheduled = () => void this.sweep().catch((error: unknown) => this.deps.log("retention: the sweep failed", error));
    this.timers.push(setTimeout(scheduled, STARTUP_DELAY_MS).unref(), setInterval(scheduled, SWEEP_INTERVAL_MS).unref());
  }

  /** Deletes what is due now under the saved policy; a sweep already running is joined, not doubled. */
  sweep(at = new Date(this.deps.now())): Promise<RetentionTotals> {
    this.running ??= this.run(at).finally(() => (this.running = null));
    return this.running;
  }

  /** The organisers' page: the policy, what is due, what comes later and what went. */
  async overview(at = new Date(this.deps.now())): Promise<RetentionResponse> {
    const [policy, meetings, deletions] = await Promise.all([this.deps.store.policy(), this.deps.store.approvedMeetings(), this.deps.store.deletions()]);
    return {
      policy: policyView(policy),
      due: dueTotals(meetings, policy, at),
      upcoming: upcoming(meetings, policy, at),
      deletions,
      lastSweepAt: policy.lastSweepAt?.toISOString() ?? null,
    };
  }

  /** Saves the policy; the next sweep applies it. */
  async savePolicy(input: RetentionPolicyInput, by: { name: string; accountId: string }): Promise<RetentionPolicy> {
    return policyView(await this.deps.store.savePolicy(input, by, new Date(this.deps.now())));
  }

  /** What `policy` would delete at once if saved now. */
  async preview(policy: RetentionPolicyInput, at = new Date(this.deps.now())): Promise<RetentionTotals> {
    return dueTotals(await this.deps.store.approvedMeetings(), policy, at);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.running?.catch(() => undefined);
  }

  private async run(at: Date): Promise<RetentionTotals> {
    const { store } = this.deps;
    for (const file of await store.deletedSince(new Date(at.getTime() - LEFTOVER_WINDOW_MS))) await this.removeFile(file);
    const policy = await store.policy();
    const totals = nothing();
    if (policy.recordingsDays === null && policy.materialsDays === null) return totals;
    for (const meeting of await store.approvedMeetings()) {
      const due = dueKinds(meeting, policy, at);
      const files = [
        ...(due.recordings && meeting.recordings.count > 0 ? await store.recordingsOf(meeting.meetingId) : []),
        ...(due.materials && meeting.materials.count > 0 ? await store.materialsOf(meeting.meetingId) : []),
      ];
      let deleted = 0;
      for (const file of files) {
        const days = (file.kind === "recording" ? policy.recordingsDays : policy.materialsDays) ?? 0;
        const reason = { meetingTitle: meeting.meetingTitle, days, approvedAt: meeting.approvedAt, deletedAt: at };
        if (!(await store.recordDeletion(file, reason))) continue; // another server's sweep took it
        await this.removeFile(file);
        const sum = file.kind === "recording" ? totals.recordings : totals.materials;
        sum.count += 1;
        sum.bytes += file.bytes;
        deleted += 1;
      }
      if (deleted === 0) continue;
      totals.meetings += 1;
      if (files.some((file) => file.kind === "material")) {
        await this.deps
          .materialsChanged(meeting.meetingId)
          .catch((error: unknown) => this.deps.log(`retention: meeting ${meeting.meetingId} did not follow its materials`, error));
      }
    }
    await store.markSwept(at);
    if (totals.meetings > 0) {
      this.deps.log(`retention: deleted ${totals.recordings.count} recordings and ${totals.materials.count} materials of ${totals.meetings} meetings`);
    }
    return totals;
  }

  /** Removes a recorded file from disk (a recording's final file and any raw Janus files it left). */
  private async removeFile(file: Pick<RetainedFile, "kind" | "storedPath">): Promise<void> {
    const parts = file.storedPath.split("/");
    try {
      if (file.kind === "material") {
        await this.materialFiles.remove(parts[1] ?? "", parts[2] ?? "");
        return;
      }
      const [meetingId = "", recordingId = ""] = parts;
      const dir = meetingRecordingsDir(this.deps.recordingsDir, meetingId);
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const own = names.filter((name) => name === `${recordingId}.opus` || (name.startsWith(`${recordingId}-`) && name.endsWith(".mjr")));
      await Promise.all(own.map((name) => fs.rm(path.join(dir, name), { force: true })));
    } catch (error) {
      // Recorded as deleted; the next sweep tries the file again.
      this.deps.log(`retention: removing a deleted ${file.kind}'s file failed`, error);
    }
  }
}
