// The Debian installer's pieces, fast (docs/deployment.md#a-debian-server): deploy/debian/install.sh
// on a temporary root whose packages, user, Node and application are already "installed" (a dpkg
// status file, /etc/passwd and the installer's own markers — the real dpkg-query and systemctl
// read them), so only the configuration part runs: the rendered files, a dry run that changes
// nothing, a second run that changes nothing, refusals of bad options. The whole installer on a
// real Debian root is `npm run test:deploy`.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, symlinkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const debianDir = import.meta.dirname;
const installer = path.join(debianDir, "install.sh");
const lib = path.join(debianDir, "lib.sh");
const packages = ["caddy", "coturn", "janus-tools", "ca-certificates", "curl", "openssl", "python3", "make", "g++", "janus"];
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function bash(script: string, args: string[] = []): { code: number; out: string } {
  // --norc: bash reads ~/.bashrc when it thinks it runs from a remote shell (stdin a socket).
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", script, "bash", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: tmpdir(), LANG: "C.UTF-8" },
  });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

function install(args: string[]): { code: number; out: string } {
  return bash(`bash --norc --noprofile "$@"`, [installer, ...args]);
}

/** A temporary root with everything but the configuration already in place, and a tiny source tree. */
function fakeInstalledRoot(missing: string[] = []): { root: string; source: string; base: string } {
  const base = mkdtempSync(path.join(tmpdir(), "yst-installer-"));
  dirs.push(base);
  const root = path.join(base, "root");
  const source = path.join(base, "src");
  mkdirSync(path.join(source, "server/src"), { recursive: true });
  writeFileSync(path.join(source, "package.json"), "{}\n");
  writeFileSync(path.join(source, "server/src/main.ts"), "// the server\n");
  for (const dir of ["var/lib/dpkg", "etc", "lib/systemd/system", "opt/yishiting/node", "opt/yishiting/app"])
    mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(
    path.join(root, "var/lib/dpkg/status"),
    packages
      .filter((p) => !missing.includes(p))
      .map((p) => `Package: ${p}\nStatus: install ok installed\nVersion: 1\nArchitecture: amd64\n\n`)
      .join(""),
  );
  writeFileSync(
    path.join(root, "etc/passwd"),
    "root:x:0:0:root:/root:/bin/bash\nyishiting:x:998:998::/var/lib/yishiting:/usr/sbin/nologin\ncaddy:x:997:997::/var/lib/caddy:/usr/sbin/nologin\nturnserver:x:996:996::/:/usr/sbin/nologin\n",
  );
  writeFileSync(path.join(root, "etc/group"), "root:x:0:\nyishiting:x:998:\ncaddy:x:997:\nturnserver:x:996:\n");
  for (const unit of ["caddy", "coturn", "janus"]) {
    writeFileSync(
      path.join(root, `lib/systemd/system/${unit}.service`),
      `[Unit]\nDescription=${unit}\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n`,
    );
  }
  // Debian's janus package enables its own janus.service.
  mkdirSync(path.join(root, "etc/systemd/system/multi-user.target.wants"), { recursive: true });
  symlinkSync("/lib/systemd/system/janus.service", path.join(root, "etc/systemd/system/multi-user.target.wants/janus.service"));
  writeFileSync(path.join(root, "opt/yishiting/node/.yst-node"), "node 22.12.0 npm 10.9.0\n");
  const hash = bash(`source "$1"; source_hash "$2"`, [lib, source]);
  expect(hash.code).toBe(0);
  writeFileSync(path.join(root, "opt/yishiting/app/.yst-source"), hash.out);
  return { root, source, base };
}

/** Every path of a tree with its type, mode, owner and content hash (or link target). */
function snapshot(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = lstatSync(file);
      const head = `${path.relative(root, file)} ${stat.mode.toString(8)} ${stat.uid}:${stat.gid} ${stat.mtimeMs}`;
      if (stat.isDirectory()) {
        lines.push(head);
        walk(file);
      } else if (stat.isSymbolicLink()) lines.push(`${head} -> ${readlinkSync(file)}`);
      else lines.push(`${head} ${createHash("sha256").update(readFileSync(file)).digest("hex")}`);
    }
  };
  walk(root);
  return lines;
}

const mode = (file: string) => (statSync(file).mode & 0o7777).toString(8);
// Each run of the installer forks a few hundred small processes: seconds on a loaded machine.
const slow = { timeout: 180_000 };
const base = ["--domain", "meet.example.org", "--email", "ops@example.org", "--public-ip", "203.0.113.7"];

describe("deploy/debian/install.sh", () => {
  it("writes the configuration on a root, and a second run changes nothing", slow, () => {
    const { root, source } = fakeInstalledRoot();
    const first = install(["--root", root, "--source", source, ...base]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("write /etc/yishiting/yishiting.env (new, 600 root:root)");
    expect(first.out).not.toContain("apt-get install");
    expect(first.out).toContain("disable Debian's janus.service (the service runs its own Janus)");
    expect(lstatSync(path.join(root, "etc/systemd/system/multi-user.target.wants/janus.service"), { throwIfNoEntry: false })).toBeUndefined();

    const env = readFileSync(path.join(root, "etc/yishiting/yishiting.env"), "utf8");
    for (const line of [
      "HOST=127.0.0.1",
      "PORT=8080",
      "YST_DATA_DIR=/var/lib/yishiting",
      "YST_BACKUP_DIR=/var/backups/yishiting",
      "YST_PUBLIC_URL=https://meet.example.org",
      "YST_TRUST_PROXY=loopback",
      "YST_LOG_FORMAT=json",
      "YST_MEDIA=embedded",
      "YST_JANUS_NAT_1_1=203.0.113.7",
      "YST_TURN_URLS=turn:meet.example.org:3478?transport=udp,turns:meet.example.org:5349?transport=tcp",
    ]) {
      expect(env.split("\n")).toContain(line);
    }
    const turnSecret = /^YST_TURN_SECRET=([0-9a-f]{64})$/m.exec(env)?.[1];
    const tokenSecret = /^YST_TOKEN_SECRET=([0-9a-f]{64})$/m.exec(env)?.[1];
    expect(turnSecret).toBeDefined();
    expect(tokenSecret).toBeDefined();
    expect(tokenSecret).not.toBe(turnSecret);
    expect(mode(path.join(root, "etc/yishiting/yishiting.env"))).toBe("600");
    expect(mode(path.join(root, "var/lib/yishiting"))).toBe("700");
    expect(statSync(path.join(root, "var/lib/yishiting")).uid).toBe(998);
    expect(mode(path.join(root, "var/backups/yishiting"))).toBe("700");

    const turn = readFileSync(path.join(root, "etc/turnserver.conf"), "utf8");
    expect(turn).toContain(`static-auth-secret=${turnSecret}\n`);
    expect(turn).toMatch(/^use-auth-secret$/m);
    expect(turn).toMatch(/^tls-listening-port=5349$/m);
    expect(turn).toMatch(/^external-ip=203\.0\.113\.7$/m);
    expect(mode(path.join(root, "etc/turnserver.conf"))).toBe("640");
    expect(statSync(path.join(root, "etc/turnserver.conf")).gid).toBe(996);

    const caddy = readFileSync(path.join(root, "etc/caddy/Caddyfile"), "utf8");
    expect(caddy).toContain("\temail ops@example.org\n");
    expect(caddy).toContain("meet.example.org {\n");
    expect(caddy).toContain("\t@ops path /metrics /metrics/* /api/ops /api/ops/*\n\trespond @ops 404\n");
    expect(caddy).toContain("\treverse_proxy 127.0.0.1:8080\n");
    expect(caddy).not.toMatch(/^\s*(tls|bind) /m);

    const unit = readFileSync(path.join(root, "etc/systemd/system/yishiting.service"), "utf8");
    for (const line of [
      "User=yishiting",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ReadWritePaths=/var/lib/yishiting /var/backups/yishiting",
      "PrivateTmp=yes",
    ]) {
      expect(unit.split("\n")).toContain(line);
    }
    expect(readFileSync(path.join(root, "etc/systemd/system/yishiting-backup.service"), "utf8")).toContain(
      "ExecStart=/opt/yishiting/node/bin/npm run --silent backup\n",
    );
    for (const link of [
      "multi-user.target.wants/yishiting.service",
      "timers.target.wants/yishiting-backup.timer",
      "multi-user.target.wants/caddy.service",
      "multi-user.target.wants/coturn.service",
    ]) {
      expect(lstatSync(path.join(root, "etc/systemd/system", link)).isSymbolicLink()).toBe(true);
    }

    const before = snapshot(root);
    const second = install(["--root", root, "--source", source, ...base]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain("summary: nothing changed");
    expect(second.out).not.toMatch(/would:|\bwrite \//);
    expect(snapshot(root)).toEqual(before);

    // A changed option changes that file only, with a diff that hides the secrets, and keeps them.
    const third = install(["--root", root, "--source", source, ...base, "--port", "8090"]);
    expect(third.code, third.out).toBe(0);
    expect(third.out).toContain("-PORT=8080");
    expect(third.out).toContain("+PORT=8090");
    expect(third.out).not.toContain(turnSecret);
    expect(third.out).not.toContain(tokenSecret);
    expect(readFileSync(path.join(root, "etc/yishiting/yishiting.env"), "utf8")).toContain(`YST_TOKEN_SECRET=${tokenSecret}\n`);
    expect(third.out).toContain("unchanged: /etc/turnserver.conf");
    expect(third.out).toContain("summary: 2 change(s)");
  });

  it("--dry-run prints every change and makes none", slow, () => {
    const { root, source } = fakeInstalledRoot(["coturn", "janus"]);
    rmSync(path.join(root, "opt/yishiting/app/.yst-source"));
    const before = snapshot(root);
    const dry = install(["--root", root, "--source", source, ...base, "--dry-run"]);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain("would: apt-get install coturn janus");
    expect(dry.out).toContain(`would: install the application from ${source} into /opt/yishiting/app`);
    expect(dry.out).toContain("would: write /etc/caddy/Caddyfile (new, 644 root:root)");
    expect(dry.out).toContain("    | \treverse_proxy 127.0.0.1:8080");
    expect(dry.out).toContain("    | YST_TURN_SECRET=<hidden>");
    expect(dry.out).toContain("would: enable yishiting.service");
    expect(dry.out).toMatch(/summary: \d+ change\(s\) would be made/);
    expect(snapshot(root)).toEqual(before);
  });

  it("uses the operator's certificate, and coturn on port 443 of a second address", slow, () => {
    const { root, source, base: dir } = fakeInstalledRoot();
    const cert = path.join(dir, "cert.pem");
    const key = path.join(dir, "key.pem");
    const made = bash(
      `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=meet.example.org -addext "subjectAltName=DNS:meet.example.org,DNS:turn.example.org" -keyout "$2" -out "$1" 2>&1`,
      [cert, key],
    );
    expect(made.code, made.out).toBe(0);
    const args = [
      "--root",
      root,
      "--source",
      source,
      "--domain",
      "meet.example.org",
      "--cert",
      cert,
      "--key",
      key,
      "--public-ip",
      "203.0.113.7",
      "--turn-ip",
      "203.0.113.8",
      "--turn-domain",
      "turn.example.org",
    ];
    const run = install(args);
    expect(run.code, run.out).toBe(0);
    const caddy = readFileSync(path.join(root, "etc/caddy/Caddyfile"), "utf8");
    expect(caddy).toContain("\tbind 203.0.113.7\n");
    expect(caddy).toContain("\ttls /etc/yishiting/tls/cert.pem /etc/yishiting/tls/key.pem\n");
    expect(caddy).not.toContain("email");
    expect(readFileSync(path.join(root, "etc/yishiting/tls/key.pem"), "utf8")).toBe(readFileSync(key, "utf8"));
    expect(mode(path.join(root, "etc/yishiting/tls/key.pem"))).toBe("640");
    expect(statSync(path.join(root, "etc/yishiting/tls/key.pem")).gid).toBe(997);
    const turn = readFileSync(path.join(root, "etc/turnserver.conf"), "utf8");
    expect(turn).toMatch(/^tls-listening-port=443$/m);
    expect(turn).toMatch(/^listening-ip=203\.0\.113\.8$/m);
    expect(turn).toMatch(/^realm=turn\.example\.org$/m);
    expect(readFileSync(path.join(root, "etc/yishiting/yishiting.env"), "utf8")).toContain(
      "YST_TURN_URLS=turn:turn.example.org:3478?transport=udp,turns:turn.example.org:443?transport=tcp\n",
    );
    const before = snapshot(root);
    expect(install(args).out).toContain("summary: nothing changed");
    expect(snapshot(root)).toEqual(before);

    const other = bash(`openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=meet.example.org -keyout "$2" -out "$1" 2>&1`, [
      cert,
      key,
    ]);
    expect(other.code, other.out).toBe(0);
    const refused = install(args);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--cert does not cover --turn-domain turn.example.org");
  });

  it("refuses bad options with a clear message and changes nothing", slow, () => {
    const { root, source } = fakeInstalledRoot();
    const before = snapshot(root);
    const cases: [string[], string][] = [
      [[], "--domain is required"],
      [["--domain", "not a name"], "--domain must be a DNS name"],
      [["--domain", "meet.example.org", "--cert", "/nonexistent.pem"], "--cert and --key go together"],
      [["--domain", "meet.example.org", "--email", "nobody"], "--email must be an e-mail address"],
      [["--domain", "meet.example.org", "--public-ip", "203.0.113.300"], "--public-ip must be an IPv4 address"],
      [["--domain", "meet.example.org", "--turn-ip", "203.0.113.8"], "--turn-ip needs --public-ip"],
      [["--domain", "meet.example.org", "--port", "70000"], "--port must be 1-65535"],
      [["--domain", "meet.example.org", "--media", "external"], "--media external needs --janus-url"],
      [["--domain", "meet.example.org", "--node-major", "18"], "--node-major must be 20, 22 or 24"],
      [["--domain", "meet.example.org", "--rtp-ports", "20000"], "--rtp-ports must look like 20000-20200"],
      [["--domain", "meet.example.org", "--colour", "blue"], "unknown option --colour"],
      [["--domain"], "--domain needs a value"],
    ];
    for (const [args, message] of cases) {
      const run = install(["--root", root, "--source", source, ...args]);
      expect(run.code, `${args.join(" ")}: ${run.out}`).toBe(1);
      expect(run.out).toContain(`[yishiting-install] error: ${message}`);
    }
    const notATree = install(["--root", root, "--source", root, "--domain", "meet.example.org"]);
    expect(notATree.out).toContain("is not a Yishiting tree");
    expect(snapshot(root)).toEqual(before);
  });
});

describe("deploy/debian/upgrade.sh", () => {
  it("refuses bad options before anything else", () => {
    const upgrade = path.join(debianDir, "upgrade.sh");
    for (const [args, message] of [
      [["--wait", "soon"], "--wait needs a number of minutes (1 or more)"],
      [["--wait", "0"], "--wait needs a number of minutes (1 or more)"],
      [["--source"], "--source needs a folder"],
      [["--now"], "unknown option --now"],
    ] as [string[], string][]) {
      const run = bash(`bash --norc --noprofile "$@"`, [upgrade, ...args]);
      expect(run.code, run.out).toBe(1);
      expect(run.out).toContain(`[yishiting-upgrade] error: ${message}`);
    }
  });
});

describe("deploy/debian/lib.sh", () => {
  it("write_file writes once, then reports unchanged; a mode change alone is a change", slow, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "yst-write-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "etc"));
    writeFileSync(path.join(dir, "etc/passwd"), "root:x:0:0::/root:/bin/bash\n");
    writeFileSync(path.join(dir, "etc/group"), "root:x:0:\n");
    const write = (content: string, fileMode: string) =>
      bash(`ROOT="$1"; source "$2"; printf '%s' "$3" | write_file /etc/app.conf "$4" root root; echo "changes=\${#CHANGES[@]}"`, [dir, lib, content, fileMode]);
    const first = write("a=1\n", "640");
    expect(first.out).toContain("write /etc/app.conf (new, 640 root:root)");
    expect(first.out).toContain("changes=1");
    expect(mode(path.join(dir, "etc/app.conf"))).toBe("640");
    const again = write("a=1\n", "640");
    expect(again.out).toContain("unchanged: /etc/app.conf");
    expect(again.out).toContain("changes=0");
    chmodSync(path.join(dir, "etc/app.conf"), 0o644);
    const modeOnly = write("a=1\n", "640");
    expect(modeOnly.out).toContain("write /etc/app.conf (mode 644 -> 640, 640 root:root)");
    const content = write("a=2\nAPI_SECRET=abc\n", "640");
    expect(content.out).toContain("+a=2");
    expect(content.out).toContain("+API_SECRET=<hidden>");
    expect(content.out).not.toContain("abc");
    expect(readdirSync(path.join(dir, "etc")).sort()).toEqual(["app.conf", "group", "passwd"]);
  });

  it("render keeps @if lines only when their value is set and refuses an unknown placeholder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "yst-render-"));
    dirs.push(dir);
    const template = path.join(dir, "t");
    writeFileSync(template, "name=@Y_A@ and @Y_A@\n@if Y_B@b=@Y_B@\n@if Y_C@\tc=@Y_C@\nend\n");
    expect(bash(`source "$1"; Y_A='x&|/y' Y_B="" Y_C=3; render "$2"`, [lib, template]).out).toBe("name=x&|/y and x&|/y\n\tc=3\nend\n");
    writeFileSync(template, "@Y_MISSING@\n");
    const missing = bash(`source "$1"; render "$2"`, [lib, template]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("uses @Y_MISSING@, which is not set");
  });

  it("the scripts parse (bash -n, and shellcheck where it is installed)", () => {
    const scripts = ["install.sh", "upgrade.sh", "lib.sh", "turn-cert.sh", "service-npm.sh", "test-deploy.sh"].map((f) => path.join(debianDir, f));
    for (const script of scripts) expect(bash(`bash --norc -n "$1" 2>&1`, [script])).toEqual({ code: 0, out: "" });
    const checked = bash(`if command -v shellcheck >/dev/null; then shellcheck -x -e SC1091 "$@"; fi`, scripts);
    expect(checked.out).toBe("");
    expect(checked.code).toBe(0);
  });
});
