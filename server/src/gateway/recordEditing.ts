// record.editing / record.editors: who is editing which note of the record (docs/protocol.md).
// Ephemeral presence for the clerks' workspace, never in the meeting's log: a chair or clerk
// connection says what it is editing (or null when done), and the meeting's staff connections
// hear the whole list whenever it changes. A connection that goes away stops editing.
import { z } from "zod";
import type { RecordEditor, RecordEditors } from "../../../core/protocol.ts";
import { staffRoom, type GatewaySocket } from "./connection.ts";
import { parseWith, type Handlers } from "./handler.ts";

/** `speech:<id>`, `interjection:<id>`, `written:<id>`, `suggestion:<id>` or `decision:<id>`. */
export const EditingKey = z.string().regex(/^(speech|interjection|written|suggestion|decision):[^\s:]{1,64}$/);
const parseEditing = parseWith(z.object({ key: EditingKey.nullable() }).strict());

/** What each connection is editing, per meeting; shared by all connections of the gateway. */
export class RecordEditing {
  /** meetingId → socket id → what that connection edits. */
  private readonly meetings = new Map<string, Map<string, RecordEditor>>();

  editors(meetingId: string): RecordEditors {
    const seen = new Set<string>();
    const editors: RecordEditor[] = [];
    for (const editor of this.meetings.get(meetingId)?.values() ?? []) {
      const id = `${editor.participantId}\n${editor.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      editors.push({ participantId: editor.participantId, key: editor.key });
    }
    editors.sort((a, b) => (a.participantId === b.participantId ? cmp(a.key, b.key) : cmp(a.participantId, b.participantId)));
    return { editors };
  }

  /** Sets (or clears, with null) what a connection edits; whether the meeting's list changed. */
  set(meetingId: string, connectionId: string, participantId: string, key: string | null): boolean {
    const before = JSON.stringify(this.editors(meetingId));
    let connections = this.meetings.get(meetingId);
    if (key === null) {
      connections?.delete(connectionId);
      if (connections?.size === 0) this.meetings.delete(meetingId);
    } else {
      if (!connections) this.meetings.set(meetingId, (connections = new Map()));
      connections.set(connectionId, { participantId, key });
    }
    return JSON.stringify(this.editors(meetingId)) !== before;
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chair and the clerk as they act now: the connections in the staff's room (joined by role at the
 * greeting and on every change of it, rosterChanges.ts; at a bargaining table the presiding chief).
 */
const mayEdit = (socket: GatewaySocket): boolean => !socket.data.display && socket.rooms.has(staffRoom(socket.data.meetingId));
const broadcast = (socket: GatewaySocket, editing: RecordEditing): void => {
  socket.nsp.to(staffRoom(socket.data.meetingId)).emit("record.editors", editing.editors(socket.data.meetingId));
};

export function attachRecordEditing(handlers: Handlers, socket: GatewaySocket, editing: RecordEditing): void {
  const { meetingId, me } = socket.data;

  handlers.on("record.editing", {
    name: "record.editing",
    authorize: () => mayEdit(socket),
    parse: parseEditing,
    handle: ({ key }) => {
      if (socket.connected && editing.set(meetingId, socket.id, me.id, key)) broadcast(socket, editing);
      return { ok: true };
    },
  });

  socket.on("disconnect", () => stopEditing(socket, editing));
}

/** The connection edits nothing any more (it went away, or its person is no longer chair or clerk). */
export function stopEditing(socket: GatewaySocket, editing: RecordEditing): void {
  if (editing.set(socket.data.meetingId, socket.id, socket.data.me.id, null)) broadcast(socket, editing);
}

/** After the connection joined the staff room (greet, or a roster change): the current list, so it starts up to date. */
export function greetEditors(socket: GatewaySocket, editing: RecordEditing): void {
  if (!mayEdit(socket) || socket.disconnected) return;
  socket.emit("record.editors", editing.editors(socket.data.meetingId));
}
