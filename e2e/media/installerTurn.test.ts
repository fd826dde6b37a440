// The Debian installer's coturn configuration (deploy/debian/templates/turnserver.conf) run by the
// real turnserver: rendered by the installer's own `render` (deploy/debian/lib.sh) with the
// variables install.sh sets, the secret made by its `new_secret`. Only the machine-specific lines
// change (see `adapt`). A small TURN client (support/turnClient.ts) speaks TURN over TLS to it with
// credentials minted by our server's code (mintIceServers). Loopback-only namespace (docs/media.md).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mintIceServers, type TurnConfig } from "../../server/src/media/turnCredentials.ts";
import { runTurnserver, type Coturn } from "./support/coturn.ts";
import { makeTestCa, type TestCa } from "./support/testTls.ts";
import { TurnClient } from "./support/turnClient.ts";

const REALM = "turn.yst.test";
/** Plain TURN stays on the template's 3478 (the namespace is private); TLS and relays on this test's ports. */
const PORTS = { tls: 29480, relay: { min: 29600, max: 29620 } };
const REPO = path.join(import.meta.dirname, "../..");
const TEMPLATE = path.join(REPO, "deploy/debian/templates/turnserver.conf");
const lib = path.join(REPO, "deploy/debian/lib.sh");

let ca: TestCa;
let dir: string;
let coturn: Coturn;
let turn: TurnConfig;
let rendered: string;

/** The installer's `render` of the template, with the variables as install.sh sets them (no --turn-ip, no --public-ip). */
function renderTemplate(secret: string): string {
  return execFileSync("bash", ["-c", 'source "$1"; render "$2"', "render", lib, TEMPLATE], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      Y_TURN_TLS_PORT: String(PORTS.tls),
      Y_TURN_LISTEN_IP: "127.0.0.1",
      Y_PUBLIC_IP: "",
      Y_TURN_MIN_PORT: String(PORTS.relay.min),
      Y_TURN_MAX_PORT: String(PORTS.relay.max),
      Y_TURN_REALM: REALM,
      Y_TURN_SECRET: secret,
    },
  });
}

/**
 * The rendered configuration with its machine-specific lines replaced, nothing else:
 * - `cert=`/`pkey=`: the installer points them at coturn's copy of the site's certificate
 *   (/etc/coturn/yishiting/, kept by yishiting-turn-cert); here the test CA's for turn.yst.test;
 * - `syslog`: a log file in the test's folder (`simple-log`: no date in its name), to read it.
 * pidfile and userdb (by default under /var) are put in the test's folder on the command line.
 */
function adapt(config: string, files: { certFile: string; keyFile: string; logFile: string }): string {
  const replacements = new Map([
    ["cert=/etc/coturn/yishiting/cert.pem", [`cert=${files.certFile}`]],
    ["pkey=/etc/coturn/yishiting/key.pem", [`pkey=${files.keyFile}`]],
    ["syslog", [`log-file=${files.logFile}`, "simple-log"]],
  ]);
  const lines = config.trimEnd().split("\n");
  for (const line of replacements.keys()) expect(lines).toContain(line);
  return lines.flatMap((line) => replacements.get(line) ?? [line]).join("\n") + "\n";
}

beforeAll(async () => {
  const secret = execFileSync("bash", ["-c", 'source "$1"; new_secret', "secret", lib], { encoding: "utf8" });
  turn = { urls: [`turns:${REALM}:${PORTS.tls}?transport=tcp`], secret, ttlSeconds: 600 };
  rendered = renderTemplate(secret);
  ca = makeTestCa();
  const { certFile, keyFile } = ca.issue("turn", [REALM]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-installer-turn-"));
  const logFile = path.join(dir, "turn.log");
  coturn = await runTurnserver({
    dir,
    config: adapt(rendered, { certFile, keyFile, logFile }),
    args: ["--pidfile", path.join(dir, "turnserver.pid"), "--userdb", path.join(dir, "turndb")],
    tlsPort: PORTS.tls,
    logFile,
  });
}, 30_000);

afterAll(async () => {
  await coturn?.stop();
  ca?.remove();
});

const connect = () => TurnClient.connect({ host: "127.0.0.1", port: PORTS.tls, servername: REALM, ca: fs.readFileSync(ca.caFile) });

/** Credentials as our server gives a participant at `now` (epoch ms). */
const credentials = (participantId: string, now = Date.now()) => {
  const [server] = mintIceServers(turn, { meetingId: "installer-turn", participantId }, now).iceServers;
  return { username: server!.username!, password: server!.credential! };
};

it("renders the template as the installer does: TLS on the given port and address, the secret, private peers denied", () => {
  const lines = rendered.trimEnd().split("\n");
  expect(lines).toEqual(
    expect.arrayContaining([
      "listening-port=3478",
      `tls-listening-port=${PORTS.tls}`,
      "listening-ip=127.0.0.1",
      `realm=${REALM}`,
      "use-auth-secret",
      `static-auth-secret=${turn.secret}`,
      "no-tlsv1",
      "no-tlsv1_1",
      "denied-peer-ip=10.0.0.0-10.255.255.255",
      "denied-peer-ip=127.0.0.0-127.255.255.255",
      "denied-peer-ip=192.168.0.0-192.168.255.255",
    ]),
  );
  // No --public-ip: neither external-ip nor an allowed peer.
  expect(rendered).not.toMatch(/external-ip|allowed-peer-ip|@/);
});

/** How a TLS handshake with the listener ends: `connected <protocol>`, the error, or nothing within 3 s. */
function handshake(options: tls.ConnectionOptions): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: "127.0.0.1", port: PORTS.tls, servername: REALM, ca: fs.readFileSync(ca.caFile), ...options }, () =>
      finish(`connected ${socket.getProtocol()}`),
    );
    const timer = setTimeout(() => finish("no handshake within 3 s"), 3000);
    socket.once("error", (error) => finish(`error ${error.message}`));
    socket.once("close", () => finish("closed"));
    function finish(outcome: string) {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    }
  });
}

it("refuses TLS 1.0 and 1.1 (no-tlsv1, no-tlsv1_1) and accepts TLS 1.2", async () => {
  // The client offers the old version for real (security level 0 allows it), so a failure is the
  // server's. coturn 4.6.1 with these lines never answers such a ClientHello (no handshake within
  // 3 s); without them its OpenSSL 3 sends an internal_error alert (TLS < 1.2 needs security level 0).
  for (const version of ["TLSv1", "TLSv1.1"] as const) {
    expect(await handshake({ minVersion: version, maxVersion: version, ciphers: "DEFAULT@SECLEVEL=0" }), version).not.toMatch(/^connected/);
  }
  expect(await handshake({ minVersion: "TLSv1.2", maxVersion: "TLSv1.2" })).toBe("connected TLSv1.2");
  // Node's defaults (TLS 1.2 or 1.3): Debian bookworm's coturn 4.6.1 has no TLS 1.3 (it came with
  // 4.6.2, coturn/coturn#1171), so this is TLS 1.2 there; a TLS 1.3-only client gets a handshake failure.
  expect(await handshake({})).toMatch(/^connected TLSv1\.[23]$/);
});

it("allocates a UDP relay over TLS with our server's credentials; only public peers get a permission", async () => {
  const client = await connect();
  try {
    const { username, password } = credentials("participant-1");
    const allocation = await client.allocate(username, password);
    expect(allocation).toMatchObject({ ok: true, relayed: { address: "127.0.0.1" } });
    expect(allocation.relayed!.port).toBeGreaterThanOrEqual(PORTS.relay.min);
    expect(allocation.relayed!.port).toBeLessThanOrEqual(PORTS.relay.max);
    // One allocation per connection: a second Allocate is 437 (Allocation Mismatch).
    expect(await client.allocate(username, password)).toMatchObject({ ok: false, error: { code: 437 } });
    // No relaying into loopback or private networks. coturn refuses loopback peers by itself (no
    // allow-loopback-peers); the private ranges are refused by the template's denied-peer-ip lines,
    // which its log names.
    expect(await client.createPermission("127.0.0.1")).toMatchObject({ ok: false, error: { code: 403 } });
    const denied = {
      "10.1.2.3": "10.0.0.0-10.255.255.255",
      "172.16.5.4": "172.16.0.0-172.31.255.255",
      "192.168.1.1": "192.168.0.0-192.168.255.255",
      "169.254.1.1": "169.254.0.0-169.254.255.255",
      "100.64.0.1": "100.64.0.0-100.127.255.255",
    };
    for (const [peer, range] of Object.entries(denied)) {
      expect(await client.createPermission(peer), peer).toMatchObject({ ok: false, error: { code: 403 } });
      expect(coturn.log()).toContain(`A peer IP ${peer} denied in the range: ${range}`);
    }
    // A public address (documentation range): only a permission, no packet is sent (nor could be, here).
    expect(await client.createPermission("203.0.113.5")).toEqual({ ok: true, relayed: undefined });
  } finally {
    client.close();
  }
});

it("refuses a wrong password (allocating nothing) and an expired username with 401", async () => {
  const { username, password } = credentials("participant-2");
  const wrong = await connect();
  try {
    expect(await wrong.allocate(username, "not-the-password")).toEqual({ ok: false, error: expect.objectContaining({ code: 401 }) });
    // Nothing was allocated: the right password on the same connection now allocates (had the
    // refused request allocated, this would be 437, as the second Allocate above).
    expect(await wrong.allocate(username, password)).toMatchObject({ ok: true, relayed: { address: "127.0.0.1" } });
  } finally {
    wrong.close();
  }
  // Minted with its right password, as if 20 minutes ago: only its expiry is wrong.
  const expired = credentials("participant-3", Date.now() - 2 * turn.ttlSeconds * 1000);
  expect(Number(expired.username.split(":")[0])).toBeLessThan(Date.now() / 1000);
  const late = await connect();
  try {
    expect(await late.allocate(expired.username, expired.password)).toEqual({ ok: false, error: expect.objectContaining({ code: 401 }) });
  } finally {
    late.close();
  }
});
