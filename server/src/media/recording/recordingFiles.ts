// Where recordings live: `<recordings folder>/<meetingId>/`, outside the web root. Janus writes
// its .mjr files there and our server the final `<recording id>.opus`.
import path from "node:path";

const SAFE_SEGMENT = /^[A-Za-z0-9-]{1,64}$/;
const OPUS_FILE = /^[A-Za-z0-9-]{1,64}\.opus$/;

export function meetingRecordingsDir(root: string, meetingId: string): string {
  if (!SAFE_SEGMENT.test(meetingId)) throw new Error(`unsafe meeting id for a recordings folder: ${meetingId}`);
  return path.join(root, meetingId);
}

/** Absolute path of a stored recording; the name is ours (`<uuid>.opus`) and checked. */
export function recordingFilePath(root: string, meetingId: string, file: string): string {
  if (!OPUS_FILE.test(file)) throw new Error(`unsafe recording file name ${file}`);
  return path.join(meetingRecordingsDir(root, meetingId), file);
}
