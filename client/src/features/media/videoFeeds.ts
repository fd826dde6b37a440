// Who can be seen now: the video tracks the media session receives (by participant, from the
// subscription's stream map) and my own camera while I publish it. The session writes, the
// tiles read; one meeting per tab, so one store per page.
import { useSyncExternalStore } from "react";

interface Feeds {
  /** By participant id (or `venue`, the room): a stream holding that person's video track. */
  remote: ReadonlyMap<string, MediaStream>;
  /** My camera while I publish it (a self view; never played with sound). */
  local: MediaStream | null;
}

const listeners = new Set<() => void>();
let feeds: Feeds = { remote: new Map(), local: null };

function update(change: Partial<Feeds>): void {
  feeds = { ...feeds, ...change };
  for (const listener of listeners) listener();
}

export const setRemoteVideos = (remote: ReadonlyMap<string, MediaStream>): void => update({ remote });
export const setLocalVideo = (local: MediaStream | null): void => update({ local });

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The video to show for a participant: theirs as received, or my own camera when it is me. */
export function useVideoOf(participantId: string | undefined, isMe = false): MediaStream | undefined {
  const current = useSyncExternalStore(subscribe, () => feeds);
  if (participantId === undefined) return undefined;
  return current.remote.get(participantId) ?? (isMe ? (current.local ?? undefined) : undefined);
}
