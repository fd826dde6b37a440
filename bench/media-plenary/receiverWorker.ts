// A thin-receiver process for `bench:media` (bench/media-plenary/run.ts): many WebRTC listeners
// without a browser. Each receiver is a werift RTCPeerConnection (ICE with consent answers, DTLS
// handshake, SRTP keys derived) that answers a Janus offer; after the handshake its SRTP session is
// never used: incoming RTP/RTCP packets are only counted (the RTP header is not encrypted, so the
// payload type tells audio from video) and dropped, so a receiver costs little CPU and many fit in
// one process. Janus does all its usual work per listener (ICE, DTLS, SRTP encryption, sending).
// Driven over the Node IPC channel (bench/shared/child.ts).
import { RTCDtlsTransport, RTCPeerConnection } from "werift";

export type ReceiverIn = { type: "offer"; id: number; sdp: string } | { type: "stats" } | { type: "close"; ids: number[] } | { type: "states" };
export type ReceiverOut =
  | { type: "answer"; id: number; sdp: string }
  | { type: "failed"; id: number; message: string }
  | { type: "stats"; cpuMs: number; rx: [id: number, audioPackets: number, videoPackets: number, rtpBytes: number, rtcpPackets: number][] }
  | { type: "closed"; ids: number[] }
  | { type: "states"; states: Record<string, number> };

interface Counter {
  audio: number;
  video: number;
  bytes: number;
  rtcp: number;
  audioPts: Set<number>;
}

interface Receiver {
  pc: RTCPeerConnection;
  counter: Counter;
}

const receivers = new Map<number, Receiver>();
const counters = new WeakMap<object, Counter>();

// Replace SRTP start-up: count and drop, never decrypt (what each packet costs the receiver is then a
// UDP read and a few header bytes looked at). STUN (consent) and DTLS still go through werift.
type DtlsInternals = {
  srtpStarted: boolean;
  updateSrtpSession(): void;
  iceTransport: { connection: { onData: { subscribe(f: (data: Buffer) => void): void } } };
};
(RTCDtlsTransport.prototype as unknown as { startSrtp: (this: DtlsInternals) => void }).startSrtp = function (this: DtlsInternals) {
  if (this.srtpStarted) return;
  this.srtpStarted = true;
  this.updateSrtpSession(); // keys for the RTCP werift may send; nothing inbound is decrypted
  this.iceTransport.connection.onData.subscribe((data: Buffer) => {
    const counter = counters.get(this);
    if (!counter || data.length < 12) return;
    const first = data[0]!;
    if (first < 128 || first > 191) return; // not RTP/RTCP (DTLS, STUN)
    const pt = data[1]! & 0x7f;
    if (data[1]! >= 192 && data[1]! <= 223) {
      counter.rtcp++; // RTCP packet types 192–223
      return;
    }
    counter.bytes += data.length;
    if (counter.audioPts.has(pt)) counter.audio++;
    else counter.video++;
  });
};

/** Payload types of the offer's audio m-lines. */
function audioPayloadTypes(sdp: string): Set<number> {
  const pts = new Set<number>();
  for (const match of sdp.matchAll(/^m=audio \d+ \S+ ([\d ]+)/gm)) for (const pt of match[1]!.trim().split(/\s+/)) pts.add(Number(pt));
  return pts;
}

async function answer(id: number, sdp: string): Promise<string> {
  const pc = new RTCPeerConnection({ iceUseIpv6: false, iceAdditionalHostAddresses: ["127.0.0.2"], iceInterfaceAddresses: { udp4: "127.0.0.2" } });
  const counter: Counter = { audio: 0, video: 0, bytes: 0, rtcp: 0, audioPts: audioPayloadTypes(sdp) };
  receivers.set(id, { pc, counter });
  await pc.setRemoteDescription({ type: "offer", sdp });
  for (const transport of pc.dtlsTransports) counters.set(transport, counter);
  await pc.setLocalDescription(await pc.createAnswer());
  if (pc.iceGatheringState !== "complete") {
    await new Promise<void>((resolve) => {
      const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
        if (state === "complete") {
          unSubscribe();
          resolve();
        }
      });
      if (pc.iceGatheringState === "complete") resolve();
    });
  }
  for (const transport of pc.dtlsTransports) counters.set(transport, counter);
  return pc.localDescription!.sdp;
}

const send = (message: ReceiverOut) => process.send!(message);

process.on("message", (message: ReceiverIn) => {
  if (message.type === "offer") {
    answer(message.id, message.sdp).then(
      (sdp) => send({ type: "answer", id: message.id, sdp }),
      (error: unknown) => send({ type: "failed", id: message.id, message: String(error) }),
    );
  } else if (message.type === "stats") {
    const usage = process.cpuUsage();
    send({
      type: "stats",
      cpuMs: (usage.user + usage.system) / 1000,
      rx: [...receivers].map(([id, { counter: c }]) => [id, c.audio, c.video, c.bytes, c.rtcp]),
    });
  } else if (message.type === "states") {
    const states: Record<string, number> = {};
    for (const { pc } of receivers.values()) states[pc.connectionState] = (states[pc.connectionState] ?? 0) + 1;
    send({ type: "states", states });
  } else if (message.type === "close") {
    for (const id of message.ids) {
      const receiver = receivers.get(id);
      receivers.delete(id);
      void receiver?.pc.close().catch(() => undefined);
    }
    send({ type: "closed", ids: message.ids });
  }
});
process.on("disconnect", () => process.exit(0));
