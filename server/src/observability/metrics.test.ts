// One registry per server instance: two servers' metrics never mix, Janus health appears only
// once media is watched (1 up, 0 otherwise, per instance), and the process's metrics follow.
import { describe, expect, it } from "vitest";
import { parsePrometheusText } from "../../../testing/server/prometheusText.ts";
import { ServerMetrics } from "./metrics.ts";

const metricsOf = (connected: number, live: number) => new ServerMetrics({ connectedParticipants: () => connected, liveMeetings: () => live });

describe("ServerMetrics", () => {
  it("keeps each instance's numbers apart, read when scraped", async () => {
    const a = metricsOf(3, 1);
    const b = metricsOf(0, 0);
    a.commandDuration.observe({ type: "floor.give", outcome: "ok" }, 0.004);
    a.ballotsStored.inc({ outcome: "stored" }, 2);
    const first = parsePrometheusText(await a.text());
    const second = parsePrometheusText(await b.text());
    expect(first.value("yst_connected_participants")).toBe(3);
    expect(first.value("yst_meetings_live")).toBe(1);
    expect(first.value("yst_command_duration_seconds_count", { type: "floor.give", outcome: "ok" })).toBe(1);
    expect(first.value("yst_command_duration_seconds_bucket", { type: "floor.give", outcome: "ok", le: "0.005" })).toBe(1);
    expect(first.value("yst_command_duration_seconds_bucket", { type: "floor.give", outcome: "ok", le: "0.0025" })).toBe(0);
    expect(first.value("yst_ballots_stored_total", { outcome: "stored" })).toBe(2);
    expect(second.value("yst_connected_participants")).toBe(0);
    expect(second.value("yst_command_duration_seconds_count", { type: "floor.give", outcome: "ok" })).toBeUndefined();
    expect(second.value("yst_ballots_stored_total", { outcome: "stored" })).toBe(0);
    // Both carry the process's metrics, once each.
    for (const e of [first, second]) expect(e.samples.filter((s) => s.name === "yst_process_resident_memory_bytes")).toHaveLength(1);
  });

  it("reports Janus only when watched: 1 for an instance that is up, 0 for one that is not", async () => {
    const metrics = metricsOf(0, 0);
    expect(parsePrometheusText(await metrics.text()).types.has("yst_janus_up")).toBe(false);
    let originUp = true;
    metrics.watchJanus(() => [
      { instance: "origin", up: originUp },
      { instance: "edge-1", up: false },
    ]);
    const up = parsePrometheusText(await metrics.text());
    expect(up.types.get("yst_janus_up")).toBe("gauge");
    expect(up.value("yst_janus_up", { instance: "origin" })).toBe(1);
    expect(up.value("yst_janus_up", { instance: "edge-1" })).toBe(0);
    originUp = false;
    expect(parsePrometheusText(await metrics.text()).value("yst_janus_up", { instance: "origin" })).toBe(0);
  });
});
