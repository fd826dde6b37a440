// The steps of a browser test that are not about the screen under test: commands run in the
// meeting's real room as the named people, parsed as the gateway parses them (defaults filled).
import { expect } from "vitest";
import { parseCommand } from "../../server/src/core/meeting.ts";
import type { Actor } from "../../server/src/core/roles.ts";
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
