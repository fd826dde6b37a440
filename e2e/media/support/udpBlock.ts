// A participant's network that lets no UDP through to the media server, inside the loopback-only
// namespace: tc on `lo` (only u32 and htb exist here, no iptables/nft; see shaping.ts) classifies
// UDP from or to Janus's RTP ports, and to coturn's own UDP/DTLS ports, into a class whose queue
// of 0 drops everything — except the TURN relay's traffic (coturn's relay ports ↔ Janus), which
// is what a TURN server on the public side does. TCP (TURN over TLS, the socket) passes.
// Port ranges are given as (value, mask) blocks, as u32 matches them.
import { execFileSync } from "node:child_process";

const tc = (...args: string[]) => execFileSync("/usr/sbin/tc", args, { stdio: "pipe" });

/** Ports `port … port + size - 1` as one u32 match: `size` a power of two, `port` a multiple of it. */
export interface PortBlock {
  port: number;
  size: number;
}

const mask = ({ port, size }: PortBlock): string[] => {
  if (size & (size - 1) || port % size !== 0) throw new Error(`port block ${port}/${size} is not aligned`);
  return [String(port), `0x${(0x10000 - size).toString(16)}`];
};

function udpFilter(prio: string, end: "sport" | "dport", block: PortBlock, flow: string): void {
  tc(
    "filter",
    "add",
    "dev",
    "lo",
    "parent",
    "1:",
    "protocol",
    "ip",
    "prio",
    prio,
    "u32",
    "match",
    "ip",
    "protocol",
    "17",
    "0xff",
    "match",
    "ip",
    end,
    ...mask(block),
    "flowid",
    flow,
  );
}

/**
 * Drops UDP from/to `janus` and to `turnUdp` (coturn's UDP and DTLS listeners), but lets through
 * UDP from/to `relay` (coturn's relay ports). Returns the number of packets dropped so far, by reading it.
 */
export function blockUdpToMedia(ports: { janus: PortBlock; relay: PortBlock; turnUdp: PortBlock }): { dropped: () => number } {
  tc("qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "10");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "10gbit", "quantum", "200000");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", "10gbit", "quantum", "200000");
  tc("qdisc", "add", "dev", "lo", "parent", "1:20", "handle", "20:", "pfifo", "limit", "0");
  // First (prio 1) the relay's own traffic passes, then (prio 2) the rest to or from the media ports is dropped.
  udpFilter("1", "sport", ports.relay, "1:10");
  udpFilter("1", "dport", ports.relay, "1:10");
  udpFilter("2", "dport", ports.janus, "1:20");
  udpFilter("2", "sport", ports.janus, "1:20");
  udpFilter("2", "dport", ports.turnUdp, "1:20");
  return {
    dropped: () => {
      const stats = execFileSync("/usr/sbin/tc", ["-s", "qdisc", "show", "dev", "lo", "parent", "1:20"], { encoding: "utf8" });
      return Number(/dropped (\d+)/.exec(stats)?.[1] ?? 0);
    },
  };
}

/** Removes the block (call it in afterAll). */
export function unblockUdp(): void {
  try {
    tc("qdisc", "del", "dev", "lo", "root");
  } catch {
    // Nothing was added.
  }
}
