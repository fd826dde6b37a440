// The steps of a browser test that are not about the screen under test: commands run in the
// meeting's real room as the named people, parsed as the gateway parses them (defaults filled),
// and people online through a plain socket.io client.
import { expect } from "vitest";
import { parseCommand } from "../../core/meeting.ts";
import type { Actor } from "../../core/roles.ts";
import type { Harness, TestClient } from "../../testing/server/harness.ts";
import type { AppUnderTest } from "./appServer.ts";

/** Runs `input` as `actor` in the meeting's room and expects it to succeed. */
export async function submitTo(app: AppUnderTest, actor: Actor, input: unknown, meetingId = app.meetingId): Promise<void> {
  const command = parseCommand(input);
  if (!command.ok) throw new Error(`${JSON.stringify(input)}: ${command.error.code}`);
  const result = await (await app.server.rooms.get(meetingId)).submit(actor, command.value);
  expect(result, `${JSON.stringify(input)} → ${JSON.stringify(result)}`).toMatchObject({ ok: true });
}

/** The meeting's live state on the server. */
export const liveState = async (app: AppUnderTest, meetingId = app.meetingId) => (await app.server.rooms.get(meetingId)).current;

/**
 * A participant online through a real socket.io client instead of a browser (the integration
 * harness's client): present like a phone, and able to vote. For the many voters a test does
 * not look at; at least one voter of each test still votes through the page.
 */
export async function joinBySocket(harness: Harness, app: AppUnderTest, name: string): Promise<TestClient> {
  const link = app.links.get(name);
  if (!link) throw new Error(`${name} is not on the roster`);
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("t");
  if (!token) throw new Error(`${link} has no token`);
  return harness.connect(app.baseUrl, token);
}

/** Casts a ballot through the socket (poll.vote) and expects the ballot box's receipt. */
export async function voteBySocket(client: TestClient, pollId: string, choices: string[]): Promise<void> {
  const ack = await client.socket.timeout(15_000).emitWithAck("poll.vote", { pollId, choices });
  expect(ack, `${client.welcome.me.name} votes ${choices.join(",")} → ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
}
