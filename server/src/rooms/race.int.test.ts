import { afterEach, expect, it } from "vitest";
import { Harness } from "../testing/harness.ts";
const h = new Harness();
afterEach(() => h.cleanup());
it("race probe", async () => {
  const first = await h.startServer();
  const meeting = await h.createMeeting(first.server);
  const room = await first.server.rooms.get(meeting.meetingId);
  const actor = { participantId: meeting.people.member1.id, role: "member" as const };
  for (let i = 0; i < 2000; i++) await room.submit(actor, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" });
  await first.close();
  const srv = await h.startServer({ dataDir: first.dataDir });
  const socket = h.socket(srv.url, { token: meeting.tokens.member1 });
  const t0 = Date.now();
  const res = await Promise.allSettled([
    socket.timeout(3_000).emitWithAck("time.sync"),
    socket.timeout(3_000).emitWithAck("command", { type: "queue.request" }),
  ]);
  console.log(Date.now() - t0, JSON.stringify(res));
  expect(res.every((r) => r.status === "fulfilled")).toBe(true);
});
