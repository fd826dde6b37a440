// Express: security headers, a health check, the REST API and, in production, the built
// client on the same port.
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { securityHeaders } from "./security.ts";

export interface HttpAppOptions {
  /** The REST API (docs/api.md), mounted under /api. */
  api?: express.RequestHandler;
  /** Express "trust proxy" (YST_TRUST_PROXY): hop count, "loopback", subnets… */
  trustProxy?: string | undefined;
  /** First of all: each request's id and log line (observability/requestLog.ts). */
  requestLog?: express.RequestHandler;
  /** The operator's routes (/api/ready, /metrics, /api/ops/*: observability/opsRoutes.ts), before the API. */
  ops?: express.RequestHandler;
}

export function createHttpApp(clientDir: string, options: HttpAppOptions = {}): express.Express {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  if (options.requestLog) app.use(options.requestLog);
  app.use(securityHeaders());
  app.get("/api/health", (_req, res) => {
    res.json({ ok: true });
  });
  if (options.ops) app.use(options.ops);
  if (options.api) app.use("/api", options.api);
  if (fs.existsSync(path.join(clientDir, "index.html"))) {
    const serviceWorker = path.resolve(clientDir, "sw.js");
    app.use(
      express.static(clientDir, {
        index: false,
        maxAge: "1h",
        // The door page's service worker (scope /admin/): revalidated on every check, so a new
        // version reaches the phones at once.
        setHeaders: (res, file) => {
          if (path.resolve(file) === serviceWorker) res.setHeader("Cache-Control", "no-cache");
        },
      }),
    );
    // Client-side routes (/join, /m/…) all load the single page; the join token stays in the
    // URL fragment, which browsers never send to the server.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, "index.html"), { maxAge: 0 });
    });
  }
  return app;
}
