// A client that records every packet it receives, decoded (onAny) and raw (engine.io), from
// before its handshake: the private-talk tests (bargaining caucus, mediation separate talk)
// search them for a note's text and id that must never reach it.
import type { ServerToClientEvents } from "../../core/protocol.ts";
import type { ClientSocket, Harness } from "./harness.ts";

/** The events that deliver a private note to those in the talk. */
type NotedEvent = "caucus.noted" | "mediation.noted";
type NoteOf<E extends NotedEvent> = Parameters<ServerToClientEvents[E]>[0]["note"];

export interface RecordingClient<E extends NotedEvent> {
  socket: ClientSocket;
  /** Every decoded event (name and arguments) and every raw engine.io packet, serialised. */
  packets: string[];
  /** The notes delivered by `notedEvent`. */
  noted: NoteOf<E>[];
}

/** Connects with `token` and resolves once welcomed. */
export async function connectRecording<E extends NotedEvent>(h: Harness, url: string, token: string, notedEvent: E): Promise<RecordingClient<E>> {
  const socket = h.socket(url, { token }, false);
  const client: RecordingClient<E> = { socket, packets: [], noted: [] };
  socket.io.on("open", () => socket.io.engine.on("packet", (packet) => client.packets.push(JSON.stringify(packet))));
  socket.onAny((event: string, ...args: unknown[]) => client.packets.push(JSON.stringify([event, ...args])));
  // socket.io's typed `on` cannot relate a generic event name to its listener.
  socket.on(notedEvent as "caucus.noted", (({ note }: { note: NoteOf<E> }) => client.noted.push(note)) as never);
  const welcomed = new Promise<void>((resolve, reject) => {
    socket.once("welcome", () => resolve());
    socket.once("connect_error", reject);
  });
  socket.connect();
  await welcomed;
  return client;
}
