// For tests: an Opus recording in Janus's .mjr format (MJR00002 header with its JSON info, then
// one "MEET" frame per RTP packet), so post-processing runs for real without a Janus.
/** `packets` 20 ms Opus packets, each a valid Opus silence frame (150 packets = 3 s). */
export function opusMjr(packets: number): Buffer {
  return opusMjrOf(Array.from({ length: packets }, () => Buffer.from([0xf8, 0xff, 0xfe])));
}

/** These 20 ms Opus packets (their payloads), one RTP packet each, as Janus records them. */
export function opusMjrOf(payloads: Buffer[]): Buffer {
  const info = JSON.stringify({ t: "a", c: "opus", s: 1_700_000_000_000_000, u: 1_700_000_000_000_000 });
  const length = Buffer.alloc(2);
  length.writeUInt16BE(info.length);
  const parts = [Buffer.from("MJR00002"), length, Buffer.from(info)];
  payloads.forEach((payload, i) => {
    const rtp = Buffer.concat([Buffer.from([0x80, 111, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34]), payload]);
    rtp.writeUInt16BE((i + 1) & 0xffff, 2);
    rtp.writeUInt32BE(960 * i, 4);
    const frame = Buffer.alloc(10);
    frame.write("MEET", 0);
    frame.writeUInt32BE(i * 20, 4);
    frame.writeUInt16BE(rtp.length, 8);
    parts.push(frame, rtp);
  });
  return Buffer.concat(parts);
}
