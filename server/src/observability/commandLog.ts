// What the gateway reports of each socket command once acknowledged (gateway/socketGateway.ts):
// its latency into the histogram (by type and outcome) and one log line with the meeting id, the
// command's type, outcome, error code and duration — never its fields (names, text typed) or who sent it.
import type { CommandObserver } from "../gateway/socketGateway.ts";
import type { Logger } from "./logger.ts";
import type { ServerMetrics } from "./metrics.ts";

export function commandLog(metrics: Pick<ServerMetrics, "commandDuration">, logger: Logger): CommandObserver {
  return ({ meetingId, type, seconds, outcome, code }) => {
    metrics.commandDuration.observe({ type, outcome }, seconds);
    logger.info("command", { meetingId, command: type, outcome, ...(code === undefined ? {} : { code }), durationMs: Math.round(seconds * 10_000) / 10 });
  };
}
