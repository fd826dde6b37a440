// The operator's routes, beside the API (docs/api.md "Operations"):
//   GET /api/ready        readiness (open: a load balancer or systemd asks it), 200 or 503
//   GET /metrics          Prometheus text (metrics.ts)                      } YST_OPS_TOKEN, or loopback
//   GET /api/ops/status   version, schema, live meetings, connected people  } peers only (opsGuard.ts)
import fs from "node:fs";
import path from "node:path";
import { Router } from "express";
import { apiErrorHandler } from "../http/apiError.ts";
import type { ServerMetrics } from "./metrics.ts";
import { opsGuard } from "./opsGuard.ts";
import type { OpsChecks } from "./opsChecks.ts";

export interface OpsDeps {
  checks: OpsChecks;
  metrics: ServerMetrics;
  opsToken: string | undefined;
  /** Meetings open in the database (every node's), connected or not. */
  liveMeetings: () => Promise<number>;
  connectedParticipants: () => number;
  log: (message: string, error?: unknown) => void;
}

/** What GET /api/ops/status answers (the upgrade command reads it: docs/operations.md). */
export interface OpsStatus {
  /** The running build's version (package.json). */
  version: string;
  /** The newest database migration applied (its folder's name under prisma/migrations); null on an empty table. */
  schema: string | null;
  /**
   * Meetings open (opened, not closed) in the database, on every node, whether or not anyone is
   * connected: right after a restart nobody may have reconnected yet, and the meeting still runs.
   */
  liveMeetings: number;
  /** Participants connected to this node (distinct people per meeting; the room's screens not counted). */
  connectedParticipants: number;
}

const VERSION = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../../package.json"), "utf8")) as { version: string }).version;

export function opsRoutes(deps: OpsDeps): Router {
  const router = Router();
  const guard = opsGuard(deps.opsToken);
  router.use(["/metrics", "/api/ready", "/api/ops"], (_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.get("/api/ready", async (_req, res) => {
    const answer = await deps.checks.ready();
    res.status(answer.ready ? 200 : 503).json(answer);
  });
  router.use("/api/ops", guard); // every /api/ops path, known or not
  router.get("/metrics", guard, async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.text());
  });
  router.get("/api/ops/status", async (_req, res) => {
    const status: OpsStatus = {
      version: VERSION,
      schema: await deps.checks.schema(),
      liveMeetings: await deps.liveMeetings(),
      connectedParticipants: deps.connectedParticipants(),
    };
    res.json(status);
  });
  router.use(apiErrorHandler(deps.log));
  return router;
}
