// A certificate authority made by the test, the server certificates it signs, and a Chromium that
// trusts it the way a user's would: the CA in an NSS database under a throw-away HOME
// ($HOME/.pki/nssdb, where Chromium on Linux looks; certutil from libnss3-tools). Nothing of the
// machine's own trust is changed. Used by the TURN-over-TLS and HTTPS tests (docs/media.md#turn).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../support/browser.ts";

export interface TestCa {
  dir: string;
  /** The CA certificate (PEM). */
  caFile: string;
  /** A server certificate for `names` (DNS names, or IP addresses), signed by the CA: its PEM files. */
  issue(label: string, names: string[]): { certFile: string; keyFile: string };
  /** A HOME whose NSS database trusts the CA for TLS servers (made once). */
  trustingHome(): string;
  remove(): void;
}

const openssl = (dir: string, ...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

/** A fresh CA (P-256, valid two days) in a temporary folder. */
export function makeTestCa(): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-test-ca-"));
  openssl(
    dir,
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=Yishiting test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  let home: string | undefined;
  return {
    dir,
    caFile: path.join(dir, "ca.pem"),
    issue(label, names) {
      const alt = names.map((name) => (/^[\d.]+$/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
      fs.writeFileSync(
        path.join(dir, `${label}.ext`),
        `subjectAltName=${alt}\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
      );
      openssl(
        dir,
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        `${label}.key`,
        "-out",
        `${label}.csr`,
        "-subj",
        `/CN=${names[0]}`,
      );
      openssl(
        dir,
        "x509",
        "-req",
        "-in",
        `${label}.csr`,
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        `${label}.pem`,
        "-days",
        "2",
        "-extfile",
        `${label}.ext`,
      );
      return { certFile: path.join(dir, `${label}.pem`), keyFile: path.join(dir, `${label}.key`) };
    },
    trustingHome() {
      if (home) return home;
      home = path.join(dir, "home");
      const db = path.join(home, ".pki", "nssdb");
      fs.mkdirSync(db, { recursive: true });
      execFileSync("certutil", ["-N", "-d", `sql:${db}`, "--empty-password"], { stdio: "pipe" });
      execFileSync("certutil", ["-A", "-d", `sql:${db}`, "-n", "Yishiting test CA", "-t", "C,,", "-i", path.join(dir, "ca.pem")], { stdio: "pipe" });
      return home;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with fake media devices (as the other media tests) whose HOME is `home` (its NSS database
 * decides which CAs it trusts) and whose resolver maps `hosts` to 127.0.0.1 (names like yst.test).
 */
export const launchChromiumWithHome = (home: string, hosts: string[], extraArgs: string[] = []): Promise<Browser> =>
  launchChromium({ fakeMedia: true, home, hosts, extraArgs });
