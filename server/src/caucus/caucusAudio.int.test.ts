// Who may enter a bargaining side's private audio room (背靠背, media.caucusJoin), through real
// sockets on a real server without a media server: every refusal comes before Janus would be
// asked, so it is the same with Janus running (e2e/media/caucusAudio.test.ts runs it there).
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import { Harness, send, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

type Key = "workerChief" | "worker1" | "worker2" | "enterpriseChief" | "enterprise1" | "enterprise2" | "recorder" | "observer" | "official" | "chair";
const ROSTER: readonly { key: Key; name: string; role: Role; side: "worker" | "enterprise" | null; chief: boolean }[] = [
  { key: "workerChief", name: "王工会", role: "member", side: "worker", chief: true },
  { key: "worker1", name: "李职工", role: "member", side: "worker", chief: false },
  { key: "worker2", name: "赵职工", role: "member", side: "worker", chief: false },
  { key: "enterpriseChief", name: "陈人事", role: "member", side: "enterprise", chief: true },
  { key: "enterprise1", name: "周财务", role: "member", side: "enterprise", chief: false },
  { key: "enterprise2", name: "吴生产", role: "member", side: "enterprise", chief: false },
  { key: "recorder", name: "孙记录", role: "clerk", side: null, chief: false },
  { key: "observer", name: "钱区总", role: "observer", side: null, chief: false },
  { key: "official", name: "郑人社", role: "official", side: null, chief: false },
  { key: "chair", name: "冯主持", role: "chair", side: null, chief: false },
];

/** A browser's audio-only offer (what Chromium sends for one microphone), shortened. */
const OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\n";
const emit = (client: TestClient, event: "media.caucusJoin" | "media.caucusLeave", payload: unknown) => client.socket.timeout(5000).emitWithAck(event, payload);
const join = (client: TestClient, sdp: unknown = OFFER) => emit(client, "media.caucusJoin", { sdp });

describe("media.caucusJoin: the side's own members while its caucus runs, and nobody else", () => {
  it("refuses the other side, the recorder, observer, official, a chair without a side and the room display before asking the media server", async () => {
    const t = await h.startServer();
    const { meeting, participants } = await t.server.meetings.create(
      "某某公司2027年度工资集体协商",
      ROSTER.map(({ name, role, side, chief }) => ({ name, role, side, chief })),
    );
    await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "bargaining" } });
    const clients = Object.fromEntries(
      await Promise.all(
        ROSTER.map(async (p, i) => [
          p.key,
          await h.connect(t.url, await t.server.tokens.issue({ participantId: participants[i]!.id, meetingId: meeting.id, role: p.role })),
        ]),
      ),
    ) as Record<Key, TestClient>;
    const display = await h.connect(t.url, await h.displayToken(t.server, meeting.id));

    // No caucus yet: nobody's side is consulting.
    expect(await join(clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    expect(await send(clients.workerChief, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(await send(clients.workerChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });

    // The worker side's members (the chief too) pass every check; without Janus the answer is MEDIA_UNAVAILABLE.
    for (const key of ["workerChief", "worker1", "worker2"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    }
    // The other side cannot name the workers' room: its own caucus does not run.
    for (const key of ["enterpriseChief", "enterprise1", "enterprise2"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    }
    for (const key of ["recorder", "observer", "official", "chair"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });
    }
    expect(await join(display)).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });

    // Malformed offers: refused first, whoever asks. The room is audio only.
    expect(await join(clients.worker1, 42)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await join(clients.worker1, `${OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n`)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await emit(clients.worker1, "media.caucusJoin", { sdp: OFFER, side: "enterprise" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    // The caucus ends: refused again. Leaving always succeeds.
    expect(await send(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    expect(await join(clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    expect(await emit(clients.worker1, "media.caucusLeave", {})).toEqual({ ok: true });
    expect(await emit(clients.worker1, "media.caucusLeave", { x: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    // Outside a bargaining meeting there is no caucus.
    const other = await h.createMeeting(t.server, "区政协双周协商座谈会", { open: true });
    expect(await join(await h.connect(t.url, other.tokens.member1))).toMatchObject({ ok: false, error: { code: "NOT_BARGAINING" } });
    expect(t.logs).toEqual([]);
  });
});
