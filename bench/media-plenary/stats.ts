// Small helpers for `bench:media`: /proc CPU time, medians, least-squares fits, number formats.
import { execSync } from "node:child_process";
import fs from "node:fs";

export const CLK_TCK = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** utime + stime of a process (all its threads), in clock ticks; NaN once it is gone. */
export function cpuTicks(pid: number): number {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" "); // fields[0] is the state (field 3)
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function threads(pid: number): number {
  try {
    const match = /Threads:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Bytes sent on `lo` so far (every packet in the namespace goes through it). */
export function loTxBytes(): number {
  const line = fs
    .readFileSync("/proc/net/dev", "utf8")
    .split("\n")
    .find((l) => l.trim().startsWith("lo:"));
  return line ? Number(line.split(":")[1]!.trim().split(/\s+/)[8]) : NaN;
}

export const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Least-squares slope and intercept of y over x. */
export function fit(points: { x: number; y: number }[]): { slope: number; intercept: number } {
  const ps = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = ps.length;
  if (n < 2) return { slope: NaN, intercept: NaN };
  const mx = ps.reduce((a, p) => a + p.x, 0) / n;
  const my = ps.reduce((a, p) => a + p.y, 0) / n;
  const sxx = ps.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const sxy = ps.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const slope = sxx === 0 ? NaN : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");

/** The namespace's UDP counters (/proc/net/snmp): datagrams sent, and receive-buffer drops (a receiver too slow to read). */
export function udpCounters(): { out: number; rcvbufErrors: number; inErrors: number } {
  const lines = fs
    .readFileSync("/proc/net/snmp", "utf8")
    .split("\n")
    .filter((l) => l.startsWith("Udp:"));
  const names = lines[0]?.split(/\s+/) ?? [];
  const values = lines[1]?.split(/\s+/).map(Number) ?? [];
  const get = (name: string) => values[names.indexOf(name)] ?? NaN;
  return { out: get("OutDatagrams"), rcvbufErrors: get("RcvbufErrors"), inErrors: get("InErrors") };
}
