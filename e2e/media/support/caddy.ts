// Caddy (Debian's package) run by a test as a child process — never the system service — as the
// TLS reverse proxy in front of our server, with a certificate the test made: what the installer
// sets up with the operator's domain (docs/deployment.md), on a test name and port.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { untilListening } from "./listeningChild.ts";

export interface Caddy {
  /** Its output so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Serves https://`host`:`port` on 127.0.0.1 with the certificate, proxying to 127.0.0.1:`upstreamPort`. */
export async function startCaddy(options: { host: string; port: number; certFile: string; keyFile: string; upstreamPort: number }): Promise<Caddy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-caddy-"));
  const caddyfile = path.join(dir, "Caddyfile");
  fs.writeFileSync(
    caddyfile,
    `{
\tadmin off
\tauto_https off
\tstorage file_system ${path.join(dir, "data")}
}

https://${options.host}:${options.port} {
\tbind 127.0.0.1
\ttls ${options.certFile} ${options.keyFile}
\treverse_proxy 127.0.0.1:${options.upstreamPort}
}
`,
  );
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: path.join(dir, "data"), XDG_CONFIG_HOME: path.join(dir, "config") };
  const child = spawn("caddy", ["run", "--config", caddyfile, "--adapter", "caddyfile"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = await untilListening(child, { name: "caddy", port: options.port, attempts: 100, dir, output: () => output });
  return { output: () => output, stop };
}
