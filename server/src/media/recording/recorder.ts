// Post-processing of Janus recordings: Janus's recorder writes the RTP packets of each stream as
// they arrive (.mjr); `janus-pp-rec` (Debian `janus-tools`) turns an Opus .mjr into an Ogg Opus
// file that browsers play. The duration is read from the Ogg file itself.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";

/** The post-processing tool; on PATH when `janus-tools` is installed. */
export const PP_REC = "janus-pp-rec";

/** Converts an Opus .mjr into Ogg Opus at `output` (.opus); rejects with the tool's output on failure. */
export function mjrToOpus(input: string, output: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(PP_REC, [input, output], { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${PP_REC} failed: ${error.message}\n${stderr || stdout}`.trim()));
      else resolve();
    });
  });
}

const OGG_HEADER = 27;

/**
 * Playback length of an Ogg Opus file in milliseconds: the last page's granule position (48 kHz
 * samples) minus the pre-skip of the OpusHead packet (RFC 7845). Null if it is not Ogg Opus.
 */
export function oggOpusDurationMs(data: Buffer): number | null {
  let offset = 0;
  let preSkip: number | null = null;
  let lastGranule: bigint | null = null;
  while (offset + OGG_HEADER <= data.length && data.toString("latin1", offset, offset + 4) === "OggS") {
    const granule = data.readBigInt64LE(offset + 6);
    const segments = data[offset + 26]!;
    if (offset + OGG_HEADER + segments > data.length) break;
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += data[offset + OGG_HEADER + i]!;
    const body = offset + OGG_HEADER + segments;
    if (preSkip === null) {
      if (data.toString("latin1", body, body + 8) !== "OpusHead") return null;
      preSkip = data.readUInt16LE(body + 10);
    }
    if (granule >= 0n) lastGranule = granule; // -1: no packet ends on this page
    offset = body + bodyLength;
  }
  if (preSkip === null || lastGranule === null) return null;
  return Math.max(0, Math.round((Number(lastGranule) - preSkip) / 48));
}

/** Size and duration of a finished Ogg Opus file. */
export async function describeOpus(file: string): Promise<{ bytes: number; durationMs: number }> {
  const data = await fs.readFile(file);
  const durationMs = oggOpusDurationMs(data);
  if (durationMs === null) throw new Error(`${file} is not an Ogg Opus file`);
  return { bytes: data.length, durationMs };
}
