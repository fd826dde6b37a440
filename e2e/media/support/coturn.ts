// coturn (Debian's turnserver) run by a test as a child process with a generated configuration —
// never the system service: TURN over UDP and over TLS on the namespace's loopback, relaying from
// 127.0.0.2 (where Janus's candidates are), the TURN REST API's shared secret (use-auth-secret),
// as the installer configures it (docs/media.md#turn) but on test ports.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { untilListening } from "./listeningChild.ts";

export interface CoturnOptions {
  /** TURN over UDP (and TCP). */
  port: number;
  /** TURN over TLS (and DTLS). */
  tlsPort: number;
  /** Relay ports. */
  relay: { min: number; max: number };
  secret: string;
  certFile: string;
  keyFile: string;
}

export interface Coturn {
  /** Its log so far (allocations, permissions, errors). */
  log(): string;
  stop(): Promise<void>;
}

export async function startCoturn(options: CoturnOptions): Promise<Coturn> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-coturn-"));
  const logFile = path.join(dir, "turn.log");
  const config = [
    "listening-ip=127.0.0.1",
    `listening-port=${options.port}`,
    `tls-listening-port=${options.tlsPort}`,
    "relay-ip=127.0.0.2",
    `min-port=${options.relay.min}`,
    `max-port=${options.relay.max}`,
    // Only here: the peers (Janus) are on the namespace's loopback.
    "allow-loopback-peers",
    "use-auth-secret",
    `static-auth-secret=${options.secret}`,
    "realm=yst.test",
    `cert=${options.certFile}`,
    `pkey=${options.keyFile}`,
    "fingerprint",
    "no-cli",
    "no-multicast-peers",
    "no-rfc5780",
    "no-stun-backward-compatibility",
    `userdb=${path.join(dir, "turndb")}`,
    `pidfile=${path.join(dir, "turnserver.pid")}`,
    `log-file=${logFile}`,
    "simple-log",
    "no-stdout-log",
    "verbose",
  ];
  return runTurnserver({ dir, config: config.join("\n") + "\n", tlsPort: options.tlsPort, logFile });
}

/**
 * turnserver with the configuration `config` (written to `dir`, which `stop` removes) and the
 * command-line options `args`, once it listens on 127.0.0.1:`tlsPort`; `logFile` is where the
 * configuration sends its log. Also used for the installer's own configuration (installerTurn.test.ts).
 */
export async function runTurnserver(options: { dir: string; config: string; args?: string[]; tlsPort: number; logFile: string }): Promise<Coturn> {
  const configFile = path.join(options.dir, "turnserver.conf");
  fs.writeFileSync(configFile, options.config, { mode: 0o600 });
  const child: ChildProcess = spawn("turnserver", ["-c", configFile, ...(options.args ?? [])], { stdio: "ignore" });
  const log = () => (fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, "utf8") : "");
  const stop = await untilListening(child, { name: "turnserver", port: options.tlsPort, attempts: 50, dir: options.dir, output: log });
  return { log, stop };
}
