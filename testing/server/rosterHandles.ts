// The people of a test meeting by key (participant ids, join tokens, core actors), and a runner
// that submits commands to the meeting's real room as one of them and expects them to succeed.
import { expect } from "vitest";
import type { Actor, Role } from "../../core/roles.ts";
import type { YishitingServer } from "../../server/src/server.ts";

type Room = Awaited<ReturnType<YishitingServer["rooms"]["get"]>>;

/** `participants` in roster order, as `meetings.create` returns them. */
export async function rosterHandles<K extends string>(
  server: YishitingServer,
  meetingId: string,
  roster: readonly { key: K; role: Role }[],
  participants: readonly { id: string }[],
) {
  const ids = {} as Record<K, string>;
  const tokens = {} as Record<K, string>;
  const actors = {} as Record<K, Actor>;
  for (const [i, p] of roster.entries()) {
    ids[p.key] = participants[i]!.id;
    actors[p.key] = { participantId: ids[p.key], role: p.role };
    tokens[p.key] = await server.tokens.issue({ participantId: ids[p.key], meetingId, role: p.role });
  }
  return { ids, tokens, actors };
}

/** `ok(who, command, advanceMs?)`: calls `tick(advanceMs)` (the test's clock), then submits and expects success. */
export function commandRunner<K extends string>(room: Room, actors: Record<K, Actor>, tick: (advanceMs: number | undefined) => void) {
  return async (who: K, command: unknown, advanceMs?: number): Promise<void> => {
    tick(advanceMs);
    const result = await room.submit(actors[who], command as never);
    expect(result.ok, JSON.stringify(command)).toBe(true);
  };
}
