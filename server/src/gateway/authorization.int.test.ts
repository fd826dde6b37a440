import { DEFAULT_ORDERING } from "../../../core/plan/schema.ts";
import { DEFAULT_SPEECH_CAPS } from "../../../core/floor/schema.ts";
// Every socket command tried by every kind of connection (each role, the room display, and no
// token at all) against a real server: FORBIDDEN exactly where the role may not send it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import { Harness, send, type TestClient, type TestServer } from "../../../testing/server/harness.ts";

const h = new Harness();
type Who = Role | "display";
const WHO: readonly Who[] = ["chair", "member", "official", "clerk", "observer", "display"];

/** One command of each type, and who may send it (others get FORBIDDEN; allowed ones may get other refusals). */
const commands = (memberId: string): { command: Record<string, unknown>; allowed: readonly Who[] }[] => [
  { command: { type: "meeting.open" }, allowed: ["chair"] },
  { command: { type: "agenda.next" }, allowed: ["chair"] },
  { command: { type: "agenda.goto", itemId: "no-such-item" }, allowed: ["chair"] },
  { command: { type: "queue.request" }, allowed: ["member", "official"] },
  { command: { type: "queue.withdraw" }, allowed: ["chair", "member", "official", "clerk", "observer"] },
  { command: { type: "queue.move", participantId: memberId, toIndex: 0 }, allowed: ["chair"] },
  { command: { type: "queue.remove", participantId: "nobody" }, allowed: ["chair"] },
  { command: { type: "floor.give", participantId: "nobody" }, allowed: ["chair"] },
  { command: { type: "floor.end" }, allowed: ["chair"] },
  { command: { type: "floor.setCap", seconds: 480 }, allowed: ["chair"] },
  { command: { type: "attendance.arrive", participantIds: [memberId], via: "clerk" }, allowed: ["chair", "clerk"] },
  { command: { type: "attendance.leave", participantIds: [memberId] }, allowed: ["chair", "clerk"] },
  { command: { type: "attendance.excuse", participantId: memberId, excused: false }, allowed: ["chair", "clerk"] },
  {
    command: {
      type: "config.sync",
      roster: [],
      agenda: [],
      quorumRule: "none",
      speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 60_000 },
      ordering: DEFAULT_ORDERING,
      plan: [],
    },
    allowed: [],
  },
  // 速记: typing first (before anyone is named a stenographer), then naming; the machine draft is the server's alone.
  { command: { type: "transcript.append", entry: { kind: "speech", id: "no-such-speech" }, text: "速记" }, allowed: ["chair", "clerk"] },
  { command: { type: "stenography.assign", participantId: memberId }, allowed: ["chair", "clerk"] },
  { command: { type: "transcript.correct", lineId: "no-such-line", text: "更正", baseVersion: 1 }, allowed: ["chair", "clerk"] },
  {
    command: {
      type: "transcript.draft",
      entry: { kind: "speech", id: "no-such-speech" },
      engine: "pocketsphinx",
      lines: [{ text: "x", startMs: 0, endMs: 1 }],
    },
    allowed: [],
  },
  { command: { type: "meeting.close" }, allowed: ["chair"] },
];

let srv: TestServer;
let memberId: string;
const clients = new Map<Who, TestClient>();

beforeAll(async () => {
  srv = await h.startServer();
  const { meeting, participants } = await srv.server.meetings.create("授权测试", [
    { name: "主持人甲", role: "chair" },
    { name: "委员乙", role: "member" },
    { name: "局长丙", role: "official" },
    { name: "记录员丁", role: "clerk" },
    { name: "旁听戊", role: "observer" },
  ]);
  memberId = participants[1]!.id;
  for (const p of participants) {
    clients.set(p.role, await h.connect(srv.url, await srv.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role })));
  }
  clients.set("display", await h.connect(srv.url, await h.displayToken(srv.server, meeting.id)));
});
afterAll(() => h.cleanup());

describe("socket command authorization", () => {
  it("refuses a connection without a token", async () => {
    expect((await h.connectRefused(srv.url, {})).code).toBe("TOKEN_MISSING");
  });

  it("gives FORBIDDEN exactly to the roles that may not send each command", async () => {
    const matrix: string[] = [];
    for (const { command } of commands(memberId)) {
      for (const who of WHO) {
        const ack = await send(clients.get(who)!, command);
        const forbidden = !ack.ok && ack.error.code === "FORBIDDEN";
        matrix.push(`${command.type} by ${who}: ${forbidden ? "FORBIDDEN" : "allowed"}`);
      }
    }
    const expected = commands(memberId).flatMap(({ command, allowed }) =>
      WHO.map((who) => `${command.type} by ${who}: ${allowed.includes(who) ? "allowed" : "FORBIDDEN"}`),
    );
    expect(matrix).toEqual(expected);
  });
});
