// The grid worker's offline queue on IndexedDB (fake-indexeddb in node; the e2e test
// campaignOffline runs it in Chromium's): the send order, what keeps a recording queued, what
// drops it, photos as Blobs, and the take-over of an earlier version's localStorage queue.
import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { HttpError } from "../http/api.ts";
import { LEGACY_KEY, OfflineQueue, type QueuedAnswer, type Sender } from "./offlineQueue.ts";

let stores = 0;
const freshStore = () => createStore(`yst-campaign-test-${++stores}`, "queue");

const answer = (n: number, extra: Partial<QueuedAnswer> = {}): QueuedAnswer => ({
  campaignId: "c1",
  clientId: `00000000-0000-4000-8000-00000000000${n}`,
  householdId: `h${n}`,
  answer: "agree",
  method: "in_person",
  representative: null,
  recordedAt: "2026-12-06T04:00:00.000Z",
  ...extra,
});

const refusal = (status: number, code = "CAMPAIGN_CLOSED") => new HttpError(status, code, { zh: "拒绝", en: "Refused" });

/** Answers each recording in turn with what `outcomes` says (ok by default); notes what it was sent. */
function scriptedServer(outcomes: Record<string, HttpError> = {}, photoOutcomes: Record<string, HttpError> = {}) {
  const sent: string[] = [];
  const photos: { clientId: string; type: string; bytes: number[] }[] = [];
  const sender: Sender = {
    record: async (a) => {
      sent.push(a.householdId);
      const outcome = outcomes[a.householdId];
      if (outcome) throw outcome;
    },
    photo: async (a, photo) => {
      photos.push({ clientId: a.clientId, type: photo.type, bytes: [...new Uint8Array(await photo.arrayBuffer())] });
      const outcome = photoOutcomes[a.householdId];
      if (outcome) throw outcome;
    },
  };
  return { sender, sent, photos };
}

/** A page's localStorage (node has none): what the earlier version left there. */
class PageStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("the offline queue", () => {
  it("keeps recordings in the order made, per campaign, across a reload (a new queue on the same store)", async () => {
    const store = freshStore();
    const queue = new OfflineQueue(store, null);
    await queue.add(answer(1));
    await queue.add(answer(2, { campaignId: "c2" }));
    await queue.add(answer(3));
    const reopened = new OfflineQueue(store, null);
    expect((await reopened.all()).map((a) => a.householdId)).toEqual(["h1", "h2", "h3"]);
    expect((await reopened.of("c1")).map((a) => a.householdId)).toEqual(["h1", "h3"]);
  });

  it("sends in order, the photo after its answer, and takes each off once the server has it", async () => {
    const queue = new OfflineQueue(freshStore(), null);
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" });
    await queue.add(answer(1));
    await queue.add(answer(2, { method: "paper", photo }));
    const server = scriptedServer();
    expect(await queue.flush(server.sender)).toEqual({ sent: 2, refused: [], offline: false });
    expect(server.sent).toEqual(["h1", "h2"]);
    expect(server.photos).toEqual([{ clientId: answer(2).clientId, type: "image/jpeg", bytes: [0xff, 0xd8, 0xff, 0xe0] }]);
    expect(await queue.all()).toEqual([]);
  });

  it.each([
    ["no answer (offline)", refusal(0, "NETWORK")],
    ["a server error", refusal(503, "HTTP")],
    ["an ended session (401: kept until signed in again)", refusal(401, "UNAUTHENTICATED")],
    ["a failure that is no HTTP answer", new Error("aborted")],
  ])("stops at %s and keeps that recording and the ones after it", async (_case, failure) => {
    const queue = new OfflineQueue(freshStore(), null);
    for (const n of [1, 2, 3]) await queue.add(answer(n));
    const server = scriptedServer({ h2: failure as HttpError });
    expect(await queue.flush(server.sender)).toEqual({ sent: 1, refused: [], offline: true });
    expect(server.sent).toEqual(["h1", "h2"]);
    expect((await queue.all()).map((a) => a.householdId)).toEqual(["h2", "h3"]);
  });

  it("drops a refused recording with the server's reason and goes on; a refused photo says the answer is in", async () => {
    const queue = new OfflineQueue(freshStore(), null);
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: "image/jpeg" });
    await queue.add(answer(1));
    await queue.add(answer(2, { method: "paper", photo }));
    await queue.add(answer(3));
    const closed = refusal(409);
    const notAnImage = refusal(400, "FILE_TYPE");
    const server = scriptedServer({ h1: closed }, { h2: notAnImage });
    const outcome = await queue.flush(server.sender);
    expect(outcome.sent).toBe(1);
    expect(outcome.offline).toBe(false);
    expect(outcome.refused.map((r) => [r.answer.householdId, r.error.code, r.stage])).toEqual([
      ["h1", "CAMPAIGN_CLOSED", "answer"],
      ["h2", "FILE_TYPE", "photo"],
    ]);
    expect(server.sent).toEqual(["h1", "h2", "h3"]);
    expect(await queue.all()).toEqual([]);
  });

  it("a recording sent again after a lost reply is taken off like any other (the server replays it)", async () => {
    const queue = new OfflineQueue(freshStore(), null);
    await queue.add(answer(1));
    const lost = scriptedServer({ h1: refusal(0, "NETWORK") });
    expect((await queue.flush(lost.sender)).offline).toBe(true);
    const replaying = scriptedServer();
    expect(await queue.flush(replaying.sender)).toEqual({ sent: 1, refused: [], offline: false });
    expect([...lost.sent, ...replaying.sent]).toEqual(["h1", "h1"]);
  });

  it("takes over an earlier version's localStorage queue once, photos as Blobs, ahead of new recordings", async () => {
    const page = new PageStorage();
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 9]).toString("base64")}`;
    const { photo: _none, ...earlier } = answer(1, { method: "paper" });
    page.setItem(LEGACY_KEY, JSON.stringify([{ ...earlier, photo: jpeg }, answer(2)]));
    const store = freshStore();
    // Two pages of one tab opening at once (React's strict mode mounts twice): moved over once.
    const queue = new OfflineQueue(store, page);
    const twin = new OfflineQueue(store, page);
    await twin.add(answer(3));
    expect(page.getItem(LEGACY_KEY)).toBeNull();
    const all = await queue.all();
    expect(all.map((a) => a.householdId)).toEqual(["h1", "h2", "h3"]);
    expect(all[0]!.photo).toBeInstanceOf(Blob);
    expect(all[0]!.photo!.type).toBe("image/jpeg");
    expect([...new Uint8Array(await all[0]!.photo!.arrayBuffer())]).toEqual([0xff, 0xd8, 9]);
    expect(all[1]!.photo).toBeUndefined();
  });

  it("ignores an unreadable earlier queue", async () => {
    const page = new PageStorage();
    page.setItem(LEGACY_KEY, "{not json");
    const queue = new OfflineQueue(freshStore(), page);
    expect(await queue.all()).toEqual([]);
    expect(page.getItem(LEGACY_KEY)).toBeNull();
  });
});
