// Express: a health check and, in production, the built client on the same port.
import fs from "node:fs";
import path from "node:path";
import express from "express";

export function createHttpApp(clientDir: string): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/api/health", (_req, res) => {
    res.json({ ok: true });
  });
  if (fs.existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // Client-side routes (/join, /m/…) all load the single page; the join token stays in the
    // URL fragment, which browsers never send to the server.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, "index.html"), { maxAge: 0 });
    });
  }
  return app;
}
