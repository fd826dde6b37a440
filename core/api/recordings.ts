// Speech recordings (录音) over HTTP (docs/api.md#speech-recordings), for the meeting's staff.
import { z } from "zod";
import { Id, IsoTime } from "./common.ts";

export const RecordingParams = z.object({ id: Id, recordingId: Id });

export const RECORDING_STATUSES = ["ready", "failed"] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

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
});
export type Recording = z.infer<typeof Recording>;

export const RecordingsResponse = z.object({ recordings: z.array(Recording) });
