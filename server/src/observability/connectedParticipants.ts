// Who is connected to this node now: distinct people per meeting over every connection it serves
// (its own sockets and, with several nodes, those relayed to it); the room's screens (display,
// venue terminal) are not people. Counted when asked (a scrape, /api/ops/status).
import type { GatewaySocket } from "../gateway/connection.ts";

export function connectedParticipants(connections: Iterable<GatewaySocket>): number {
  const people = new Set<string>();
  for (const socket of connections) {
    const data = socket.data as Partial<GatewaySocket["data"]> | undefined;
    if (!socket.connected || !data?.me || data.display) continue;
    people.add(`${data.meetingId}\u0000${data.me.id}`);
  }
  return people.size;
}
