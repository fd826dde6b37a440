// Shaping one UDP port on the namespace's loopback with tc, to break or squeeze a page's peer
// connection while its socket stays up. Only u32 and htb are available here (no gact drop action):
// packets from or to the port are classified into a class of their own, whose rate and queue say
// what gets through (a queue of 0 drops everything).
import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";

const tc = (...args: string[]) => execFileSync("/usr/sbin/tc", args, { stdio: "pipe" });
let shaping = false;

/** The local UDP port of the selected ICE candidate pair of the page's newest open peer connection (in `window.__pcs`). */
export const selectedLocalPort = (page: Page): Promise<number> =>
  page.evaluate(`(async () => {
    const pc = window.__pcs.filter((p) => p.connectionState !== "closed").at(-1);
    const stats = await pc.getStats();
    let port = 0;
    stats.forEach((s) => {
      if (s.type !== "transport" || !s.selectedCandidatePairId) return;
      port = stats.get(stats.get(s.selectedCandidatePairId).localCandidateId).port;
    });
    return port;
  })()`) as Promise<number>;

/** Every packet from or to the port is dropped. */
export const dropUdp = (port: number): void => shapeUdp(port, ["rate", "10gbit", "quantum", "200000"], 0);

/** The port gets a narrow pipe (`rate`, e.g. "120kbit") with a short queue: the rest is dropped, as on a weak mobile line. */
export const squeezeUdp = (port: number, rate: string): void => shapeUdp(port, ["rate", rate, "ceil", rate], 8);

function shapeUdp(port: number, klass: string[], queue: number): void {
  tc("qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "10");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "10gbit", "quantum", "200000");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", ...klass);
  tc("qdisc", "add", "dev", "lo", "parent", "1:20", "handle", "20:", "pfifo", "limit", String(queue));
  shaping = true;
  for (const end of ["sport", "dport"])
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
      "1",
      "u32",
      "match",
      "ip",
      "protocol",
      "17",
      "0xff",
      "match",
      "ip",
      end,
      String(port),
      "0xffff",
      "flowid",
      "1:20",
    );
}

/** Removes the shaping (call it in afterAll too). */
export function stopShaping(): void {
  if (shaping) tc("qdisc", "del", "dev", "lo", "root");
  shaping = false;
}
