// The grid worker's recordings on a patchy connection (docs/community.md "Consent campaigns"):
// every recording is queued in localStorage with its client id first, then sent; what the server
// answers (recorded, or replayed: the same client id seen before) takes it off the queue, so a
// recording sent twice (lost answer, two tabs, reload) is entered once. A network failure or a
// server error keeps it for the next try; a refusal (closed campaign, bad input) drops it with
// the server's message.
import type { RecordAnswer } from "@core/api/campaign.ts";
import { HttpError } from "../http/api.ts";

export interface QueuedAnswer extends RecordAnswer {
  campaignId: string;
  /** The signed form's photo (纸质签字) as a JPEG data URL, sent after the answer. */
  photo?: string;
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

const KEY = "yst.campaign.queue";

export class OfflineQueue {
  constructor(private readonly storage: Storage = window.localStorage) {}

  all(): QueuedAnswer[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? "[]");
      return Array.isArray(parsed) ? (parsed as QueuedAnswer[]) : [];
    } catch {
      return [];
    }
  }

  of(campaignId: string): QueuedAnswer[] {
    return this.all().filter((a) => a.campaignId === campaignId);
  }

  add(answer: QueuedAnswer): void {
    this.storage.setItem(KEY, JSON.stringify([...this.all(), answer]));
  }

  private remove(clientId: string): void {
    this.storage.setItem(KEY, JSON.stringify(this.all().filter((a) => a.clientId !== clientId)));
  }

  /**
   * Sends the queue in order; stops at the first network failure (still offline). Returns the
   * recordings the server refused (taken off the queue) and how many were sent.
   */
  async flush(sender: Sender): Promise<{ sent: number; refused: Refused[]; offline: boolean }> {
    const refused: Refused[] = [];
    let sent = 0;
    for (const answer of this.all()) {
      let stage: Refused["stage"] = "answer";
      try {
        await sender.record(answer);
        stage = "photo";
        if (answer.photo) await sender.photo(answer, dataUrlBlob(answer.photo));
        this.remove(answer.clientId);
        sent++;
      } catch (error) {
        if (!(error instanceof HttpError) || error.status === 0 || error.status >= 500) return { sent, refused, offline: true };
        this.remove(answer.clientId);
        refused.push({ answer, error, stage });
      }
    }
    return { sent, refused, offline: false };
  }
}

export function dataUrlBlob(dataUrl: string): Blob {
  const [head, data] = dataUrl.split(",", 2) as [string, string];
  const mime = /^data:([^;]+)/.exec(head)?.[1] ?? "application/octet-stream";
  const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** A phone photo made small enough for the queue (≤ 1600 px, JPEG). */
export async function shrinkPhoto(file: File, maxSide = 1600): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/jpeg", 0.8);
}
