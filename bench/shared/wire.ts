// Engine.IO v4 / socket.io v5 framing, spoken by hand by the thin benchmark clients (a
// socket.io-client per member is too slow to generate load) and by the plain `ws` baselines.

// Engine.IO packet types are the first character, socket.io packet types the second ("42" = message/EVENT).
export const EIO_OPEN = 0x30; // "0"
export const EIO_PING = 0x32; // "2"
export const EIO_MESSAGE = 0x34; // "4"
export const SIO_CONNECT = 0x30; // "0"
export const SIO_EVENT = 0x32; // "2"
export const SIO_ACK = 0x33; // "3"
export const SIO_CONNECT_ERROR = 0x34; // "4"

/** The Engine.IO open packet a baseline server sends first (WebSocket only, no upgrades). */
export const BASELINE_OPEN = `0${JSON.stringify({ sid: "baseline", upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1e6 })}`;

/** The path a thin client connects to (WebSocket transport straight away). */
export const socketUrl = (port: number): string => `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`;

export const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

/** Reads the unsigned decimal at `offset`; -1 when there is none. */
export function readInt(data: Buffer, offset: number): number {
  let value = -1;
  for (let i = offset; i < data.length; i++) {
    const digit = (data[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what()}: not done in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const EVENTS = Buffer.from('42["events",');
/** A StoredEvent is serialized as {"seq":…,"at":…,…}, so the first event's seq follows this. */
export const EVENTS_SEQ = Buffer.from('42["events",[{"seq":');
export const SEQ_KEY = Buffer.from('{"seq":');
export const SYNC = Buffer.from('42["sync",');

/** A command's acknowledgement, as much of it as the benchmarks read. */
export interface Ack {
  ok: boolean;
  seq?: number;
  error?: { code: string };
}

/** An ack packet `43<id>[<ack>]`: the id of the command it answers and the answer. */
export function parseAck(data: Buffer): { id: number; ack: Ack } {
  const text = data.toString("utf8");
  const bracket = text.indexOf("[");
  const [ack] = JSON.parse(text.slice(bracket)) as [Ack];
  return { id: Number(text.slice(2, bracket)), ack };
}
