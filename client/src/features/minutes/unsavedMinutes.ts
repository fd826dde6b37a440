// The clerk's unsaved edits of the minutes, kept in this browser (localStorage) until they are
// saved or discarded, so that a reload, a crash or a closed tab does not lose the typing. The
// blocks are checked against the server's own schema when read back: a stale or tampered entry
// is dropped, never shown.
import { z } from "zod";
import { BlocksSchema } from "@core/minutes/blockSchema.ts";
import type { Block } from "@core/minutes/blocks.ts";

const Unsaved = z.object({
  base: z.number().int().min(1),
  correcting: z.boolean(),
  blocks: BlocksSchema,
  note: z.string().max(500),
  at: z.number(),
});
export type UnsavedMinutes = { base: number; correcting: boolean; blocks: Block[]; note: string; at: number };

const key = (meetingId: string) => `yst.minutes.unsaved.${meetingId}`;

export function readUnsaved(meetingId: string): UnsavedMinutes | null {
  try {
    const raw = localStorage.getItem(key(meetingId));
    const parsed = raw === null ? null : Unsaved.safeParse(JSON.parse(raw));
    return parsed?.success ? (parsed.data as UnsavedMinutes) : null;
  } catch {
    return null; // storage refused (private mode) or unreadable
  }
}

/** Keeps `value`, or forgets the meeting's unsaved edits with null. */
export function writeUnsaved(meetingId: string, value: UnsavedMinutes | null): void {
  try {
    if (value === null) localStorage.removeItem(key(meetingId));
    else localStorage.setItem(key(meetingId), JSON.stringify(value));
  } catch {
    // Full or refused storage: the edits still live in the page; nothing else to do.
  }
}
