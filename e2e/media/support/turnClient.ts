// A minimal TURN client over TLS (RFC 5389 STUN, RFC 5766 TURN) for tests that speak to coturn
// directly: Allocate (UDP relay) with long-term credentials and CreatePermission. Messages on a
// TCP/TLS stream are framed by their own length; requests are answered in order, one at a time.
import { createHash, createHmac, randomBytes } from "node:crypto";
import tls from "node:tls";

const MAGIC_COOKIE = 0x2112a442;
const HEADER = 20;
const MESSAGE_INTEGRITY_LENGTH = 4 + 20;

export const MSG = {
  allocate: 0x0003,
  allocateSuccess: 0x0103,
  allocateError: 0x0113,
  createPermission: 0x0008,
  createPermissionSuccess: 0x0108,
  createPermissionError: 0x0118,
} as const;

const ATTR = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  xorPeerAddress: 0x0012,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
} as const;

const UDP = 17;

interface Attribute {
  type: number;
  value: Buffer;
}

export interface StunMessage {
  type: number;
  transactionId: Buffer;
  attributes: Attribute[];
}

export interface TurnError {
  code: number;
  reason: string;
}

/** The answer to a request: success (with the relayed address of an Allocate) or a STUN error. */
export interface TurnResult {
  ok: boolean;
  error?: TurnError;
  relayed?: { address: string; port: number };
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Encodes a message; with `key`, MESSAGE-INTEGRITY last (its HMAC-SHA1 over the message whose length already counts it). */
export function encodeMessage(type: number, transactionId: Buffer, attributes: Attribute[], key?: Buffer): Buffer {
  const body = Buffer.concat(
    attributes.map(({ type: attrType, value }) => {
      const attr = Buffer.alloc(4 + pad4(value.length));
      attr.writeUInt16BE(attrType, 0);
      attr.writeUInt16BE(value.length, 2);
      value.copy(attr, 4);
      return attr;
    }),
  );
  const header = Buffer.alloc(HEADER);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length + (key ? MESSAGE_INTEGRITY_LENGTH : 0), 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  const message = Buffer.concat([header, body]);
  if (!key) return message;
  const integrity = Buffer.alloc(MESSAGE_INTEGRITY_LENGTH);
  integrity.writeUInt16BE(ATTR.messageIntegrity, 0);
  integrity.writeUInt16BE(20, 2);
  createHmac("sha1", key).update(message).digest().copy(integrity, 4);
  return Buffer.concat([message, integrity]);
}

export function decodeMessage(data: Buffer): StunMessage {
  if (data.readUInt32BE(4) !== MAGIC_COOKIE) throw new Error("not a STUN message (no magic cookie)");
  const end = HEADER + data.readUInt16BE(2);
  const attributes: Attribute[] = [];
  for (let at = HEADER; at + 4 <= end;) {
    const length = data.readUInt16BE(at + 2);
    attributes.push({ type: data.readUInt16BE(at), value: data.subarray(at + 4, at + 4 + length) });
    at += 4 + pad4(length);
  }
  return { type: data.readUInt16BE(0), transactionId: data.subarray(8, HEADER), attributes };
}

/** XOR-MAPPED-ADDRESS style IPv4 address (XOR-PEER-ADDRESS, XOR-RELAYED-ADDRESS). */
export function encodeXorAddress(address: string, port: number): Buffer {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1);
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  const ip = address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
  value.writeUInt32BE((ip ^ MAGIC_COOKIE) >>> 0, 4);
  return value;
}

export function decodeXorAddress(value: Buffer): { address: string; port: number } {
  if (value.readUInt8(1) !== 0x01) throw new Error("only IPv4 addresses are decoded");
  const ip = (value.readUInt32BE(4) ^ MAGIC_COOKIE) >>> 0;
  return { address: [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join("."), port: value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16) };
}

const attribute = (message: StunMessage, type: number) => message.attributes.find((a) => a.type === type)?.value;

function errorOf(message: StunMessage): TurnError | undefined {
  const value = attribute(message, ATTR.errorCode);
  if (!value) return undefined;
  return { code: value.readUInt8(2) * 100 + value.readUInt8(3), reason: value.subarray(4).toString("utf8") };
}

export class TurnClient {
  private buffered = Buffer.alloc(0);
  private waiting: ((message: StunMessage) => void) | undefined;
  private auth: { username: string; realm: Buffer; nonce: Buffer; key: Buffer } | undefined;

  private constructor(readonly socket: tls.TLSSocket) {
    socket.on("data", (data: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, data]);
      while (this.buffered.length >= HEADER && this.buffered.length >= HEADER + this.buffered.readUInt16BE(2)) {
        const length = HEADER + this.buffered.readUInt16BE(2);
        const message = decodeMessage(this.buffered.subarray(0, length));
        this.buffered = this.buffered.subarray(length);
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve?.(message);
      }
    });
  }

  /** A TLS connection to a TURN server (`options` as node:tls's: host, port, servername, ca, …). */
  static connect(options: tls.ConnectionOptions): Promise<TurnClient> {
    return new Promise((resolve, reject) => {
      const socket = tls.connect(options, () => {
        socket.off("error", reject);
        resolve(new TurnClient(socket));
      });
      socket.once("error", reject);
      socket.once("close", () => reject(new Error("the connection closed before the TLS handshake completed")));
    });
  }

  /** Sends one request and waits for its answer (a response with the same transaction id). */
  async request(type: number, attributes: Attribute[], key?: Buffer): Promise<StunMessage> {
    const transactionId = randomBytes(12);
    const answer = new Promise<StunMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to STUN request 0x${type.toString(16)}`)), 5000);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
    this.socket.write(encodeMessage(type, transactionId, attributes, key));
    const message = await answer;
    if (!message.transactionId.equals(transactionId)) throw new Error("answer to another transaction");
    return message;
  }

  /**
   * Allocate a UDP relay with long-term credentials: the unauthenticated request's 401 gives REALM
   * and NONCE; the second request carries USERNAME, REALM, NONCE and MESSAGE-INTEGRITY with the key
   * MD5(username:realm:password). The first answer is returned when it is not a 401.
   */
  async allocate(username: string, password: string): Promise<TurnResult> {
    const transport = Buffer.from([UDP, 0, 0, 0]);
    const challenge = await this.request(MSG.allocate, [{ type: ATTR.requestedTransport, value: transport }]);
    const realm = attribute(challenge, ATTR.realm);
    const nonce = attribute(challenge, ATTR.nonce);
    if (challenge.type !== MSG.allocateError || errorOf(challenge)?.code !== 401 || !realm || !nonce) return this.result(challenge, MSG.allocateSuccess);
    const key = createHash("md5")
      .update(`${username}:${realm.toString("utf8")}:${password}`)
      .digest();
    this.auth = { username, realm, nonce, key };
    const answer = await this.request(MSG.allocate, [{ type: ATTR.requestedTransport, value: transport }, ...this.credentials()], key);
    return this.result(answer, MSG.allocateSuccess);
  }

  /** CreatePermission for `peer` (no packet is sent to it), with the credentials of the last allocate. */
  async createPermission(peer: string): Promise<TurnResult> {
    if (!this.auth) throw new Error("allocate first");
    const answer = await this.request(
      MSG.createPermission,
      [{ type: ATTR.xorPeerAddress, value: encodeXorAddress(peer, 0) }, ...this.credentials()],
      this.auth.key,
    );
    return this.result(answer, MSG.createPermissionSuccess);
  }

  close(): void {
    this.socket.destroy();
  }

  private credentials(): Attribute[] {
    const { username, realm, nonce } = this.auth!;
    return [
      { type: ATTR.username, value: Buffer.from(username, "utf8") },
      { type: ATTR.realm, value: realm },
      { type: ATTR.nonce, value: nonce },
    ];
  }

  private result(message: StunMessage, success: number): TurnResult {
    if (message.type !== success) return { ok: false, error: errorOf(message) ?? { code: 0, reason: `message type 0x${message.type.toString(16)}` } };
    const relayed = attribute(message, ATTR.xorRelayedAddress);
    return { ok: true, relayed: relayed ? decodeXorAddress(relayed) : undefined };
  }
}
