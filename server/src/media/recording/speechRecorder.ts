// Per-speech recordings: the relay asks whose speech to record and tells us when a take (one
// publisher's recording during one speech) begins and ends; we name its files, post-process
// them once Janus has closed them, and store the row. Post-processing runs outside the meeting's
// media queue, so a slow `janus-pp-rec` never delays floor control.
import fs from "node:fs/promises";
import path from "node:path";
import type { RecordingTarget } from "../../../../core/media/recording.ts";
import type { MeetingState } from "../../../../core/state.ts";
import { recordingTarget } from "../../../../core/media/recording.ts";
import { describeOpus, mjrToOpus } from "./recorder.ts";
import { meetingRecordingsDir, recordingFilePath } from "./recordingFiles.ts";
import type { RecordingStore, SpeechRecordingRow } from "./recordingStore.ts";

/** One publisher recorded during one speech; `id` is also the base name of Janus's files. */
export interface Take {
  id: string;
  meetingId: string;
  speechId: string;
  participantId: string;
  part: number;
  startedAt: number;
}

/** What the media relay needs (server/src/media/mediaRelay.ts). */
export interface RelayRecorder {
  /** The folder Janus writes a meeting's recordings to (the VideoRoom's `rec_dir`). */
  dirOf(meetingId: string): string;
  /** Whose speech is recorded now (from the meeting state). */
  target(meetingId: string): Promise<RecordingTarget | null>;
  /** A new take: numbered and named, its folder exists. */
  begin(meetingId: string, target: RecordingTarget): Promise<Take>;
  /** Janus has closed the take's files: post-process and store (in the background). */
  finish(take: Take): void;
}

export interface SpeechRecorderDeps {
  /** `<recordings folder>`: one sub-folder per meeting. */
  dir: string;
  store: RecordingStore;
  stateOf: (meetingId: string) => Promise<MeetingState>;
  now: () => number;
  newId: () => string;
  log: (message: string, error?: unknown) => void;
  /** A recording was stored ready (the transcript pipeline, transcripts/pipeline.ts); must not throw. */
  ready?: (row: SpeechRecordingRow) => void;
}

export class SpeechRecorder implements RelayRecorder {
  /** Parts handed out per speech in this process (rows are written only at the end). */
  private readonly parts = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: SpeechRecorderDeps) {}

  dirOf(meetingId: string): string {
    return meetingRecordingsDir(this.deps.dir, meetingId);
  }

  async target(meetingId: string): Promise<RecordingTarget | null> {
    return recordingTarget(await this.deps.stateOf(meetingId));
  }

  async begin(meetingId: string, target: RecordingTarget): Promise<Take> {
    await fs.mkdir(this.dirOf(meetingId), { recursive: true });
    const part = Math.max(this.parts.get(target.speechId) ?? 0, await this.deps.store.lastPart(target.speechId)) + 1;
    this.parts.set(target.speechId, part);
    return { id: this.deps.newId(), meetingId, ...target, part, startedAt: this.deps.now() };
  }

  finish(take: Take): void {
    const work = this.process(take).catch((error: unknown) => this.deps.log(`storing recording ${take.id} failed`, error));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves once every finished take is processed and stored (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private async process(take: Take): Promise<void> {
    const dir = this.dirOf(take.meetingId);
    // Janus names the files `<base>-<audio|video|data>-<mindex>.mjr`, one per stream.
    const mine = (await fs.readdir(dir)).filter((name) => name.startsWith(`${take.id}-`) && name.endsWith(".mjr")).sort();
    const audio = mine.find((name) => name.startsWith(`${take.id}-audio-`));
    // Only the audio is kept (a publisher with a camera also has a video file).
    const removeMjr = (names: string[]) => Promise.all(names.map((name) => fs.rm(path.join(dir, name), { force: true })));
    if (!audio) {
      await removeMjr(mine);
      this.deps.log(`recording ${take.id} of speech ${take.speechId}: Janus wrote no audio (the publisher sent none)`);
      return;
    }
    const file = `${take.id}.opus`;
    const row = {
      id: take.id,
      meetingId: take.meetingId,
      speechId: take.speechId,
      participantId: take.participantId,
      part: take.part,
      startedAt: new Date(take.startedAt),
    };
    let described: { bytes: number; durationMs: number };
    try {
      await mjrToOpus(path.join(dir, audio), recordingFilePath(this.deps.dir, take.meetingId, file));
      described = await describeOpus(recordingFilePath(this.deps.dir, take.meetingId, file));
    } catch (error) {
      // The .mjr files stay for a manual `janus-pp-rec` (docs/media.md).
      this.deps.log(`post-processing recording ${take.id} (${audio}) failed`, error);
      await fs.rm(recordingFilePath(this.deps.dir, take.meetingId, file), { force: true });
      await this.deps.store.add({ ...row, file: "", bytes: 0, durationMs: 0, status: "failed" });
      return;
    }
    const stored = await this.deps.store.add({ ...row, file, ...described, status: "ready" });
    await removeMjr(mine);
    this.deps.ready?.(stored);
  }
}
