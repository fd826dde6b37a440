// Speech recordings (录音) over HTTP (docs/api.md#speech-recordings), for the meeting's staff.
import { z } from "zod";
import { Id, IsoTime } from "./common.ts";

export const RecordingParams = z.object({ id: Id, recordingId: Id });

// `deleted`: removed by the retention policy (docs/api.md#retention-保留策略); the row stays as the record of it.
export const RECORDING_STATUSES = ["ready", "failed", "deleted"] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** A pause or an interjection inside a recording, in ms from its start (core/media/recording.ts). */
export const RecordingMarker = z.object({
  kind: z.enum(["pause", "interjection"]),
  startMs: z.number(),
  endMs: z.number().nullable(),
  participantId: z.string().optional(),
});
export type RecordingMarker = z.infer<typeof RecordingMarker>;

/** One part of a speech's recording (the file name stays on the server). */
export const Recording = z.looseObject({
  id: Id,
  speechId: z.string(),
  participantId: z.string(),
  part: z.number(),
  startedAt: IsoTime,
  durationMs: z.number(),
  bytes: z.number(),
  status: z.enum(RECORDING_STATUSES),
  /** The speech's pauses and interjections inside this recording (absent from older servers). */
  markers: z.array(RecordingMarker).optional(),
});
export type Recording = z.infer<typeof Recording>;

export const RecordingsResponse = z.object({ recordings: z.array(Recording) });
