// The grid worker's recordings on a patchy connection (docs/community.md "Consent campaigns"):
// every recording is queued in IndexedDB (idb-keyval; photos as Blobs, no localStorage quota) with
// its client id first, then sent; what the server answers (recorded, or replayed: the same client
// id seen before) takes it off the queue, so a recording sent twice (lost answer, two tabs,
// reload) is entered once. A network failure, a server error or an ended session keeps it for the
// next try; a refusal (closed campaign, bad input) drops it with the server's message.
import { createStore, get, update, type UseStore } from "idb-keyval";
import type { RecordAnswer } from "@core/api/campaign.ts";
import { HttpError } from "../http/api.ts";

export interface QueuedAnswer extends RecordAnswer {
  campaignId: string;
  /** The signed form's photo (纸质签字), a JPEG sent after the answer. */
  photo?: Blob;
}

export interface Refused {
  answer: QueuedAnswer;
  error: HttpError;
  /** The answer itself was refused, or only its photo (the answer is recorded). */
  stage: "answer" | "photo";
}

export interface Sender {
  record(answer: QueuedAnswer): Promise<unknown>;
  photo(answer: QueuedAnswer, photo: Blob): Promise<unknown>;
}

/** The queue's one entry: the recordings in the order they were made. */
const KEY = "queue";
/** The earlier queue in localStorage (photos as data URLs), moved over once. */
export const LEGACY_KEY = "yst.campaign.queue";

export const campaignQueueStore = (): UseStore => createStore("yst-campaign", "queue");

export class OfflineQueue {
  private readonly moved: Promise<void>;

  /** `legacy`: the localStorage of an earlier version, whose queued recordings are taken over. */
  constructor(
    private readonly store: UseStore = campaignQueueStore(),
    legacy: Storage | null = window.localStorage,
  ) {
    this.moved = legacy ? this.takeOver(legacy) : Promise.resolve();
  }

  async all(): Promise<QueuedAnswer[]> {
    await this.moved;
    return (await get<QueuedAnswer[]>(KEY, this.store)) ?? [];
  }

  async of(campaignId: string): Promise<QueuedAnswer[]> {
    return (await this.all()).filter((a) => a.campaignId === campaignId);
  }

  /** Resolves once the recording is stored on the phone (or rejects: nothing stored). */
  async add(answer: QueuedAnswer): Promise<void> {
    await this.moved;
    await update<QueuedAnswer[]>(KEY, (queue = []) => [...queue, answer], this.store);
  }

  private remove(clientId: string): Promise<void> {
    return update<QueuedAnswer[]>(KEY, (queue = []) => queue.filter((a) => a.clientId !== clientId), this.store);
  }

  /**
   * Sends the queue in order; stops at the first network failure (still offline), server error or
   * ended session (401: kept until the grid worker signs in again). Returns the recordings the
   * server refused (taken off the queue) and how many were sent.
   */
  async flush(sender: Sender): Promise<{ sent: number; refused: Refused[]; offline: boolean }> {
    const refused: Refused[] = [];
    let sent = 0;
    for (const answer of await this.all()) {
      let stage: Refused["stage"] = "answer";
      try {
        await sender.record(answer);
        stage = "photo";
        if (answer.photo) await sender.photo(answer, answer.photo);
        await this.remove(answer.clientId);
        sent++;
      } catch (error) {
        if (!(error instanceof HttpError) || error.status === 0 || error.status === 401 || error.status >= 500) return { sent, refused, offline: true };
        await this.remove(answer.clientId);
        refused.push({ answer, error, stage });
      }
    }
    return { sent, refused, offline: false };
  }

  /**
   * Moves the localStorage queue of an earlier version over, photos made Blobs, ahead of anything
   * queued since. Read and cleared at once, so a second page in the same tick finds nothing; put
   * back should IndexedDB refuse it.
   */
  private async takeOver(legacy: Storage): Promise<void> {
    const raw = legacy.getItem(LEGACY_KEY);
    if (raw === null) return;
    legacy.removeItem(LEGACY_KEY);
    let earlier: (Omit<QueuedAnswer, "photo"> & { photo?: string })[];
    try {
      const parsed: unknown = JSON.parse(raw);
      earlier = Array.isArray(parsed) ? (parsed as typeof earlier) : [];
    } catch {
      return;
    }
    const answers = earlier.map(({ photo, ...answer }): QueuedAnswer => (photo ? { ...answer, photo: dataUrlBlob(photo) } : answer));
    try {
      await update<QueuedAnswer[]>(KEY, (queue = []) => [...answers.filter((a) => !queue.some((q) => q.clientId === a.clientId)), ...queue], this.store);
    } catch (error) {
      legacy.setItem(LEGACY_KEY, raw);
      throw error;
    }
  }
}

export function dataUrlBlob(dataUrl: string): Blob {
  const [head, data] = dataUrl.split(",", 2) as [string, string];
  const mime = /^data:([^;]+)/.exec(head)?.[1] ?? "application/octet-stream";
  const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** A phone photo made small enough to keep (≤ 1600 px, JPEG). */
export async function shrinkPhoto(file: File, maxSide = 1600): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("photo"))), "image/jpeg", 0.8));
}
