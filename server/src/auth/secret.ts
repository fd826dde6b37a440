import { hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const secretFile = (dataDir: string) => path.join(dataDir, "token-secret");

/** The configured secret or the one kept in the data folder; undefined before the first start made one. */
export function existingTokenSecret(configured: string | undefined, dataDir: string): string | undefined {
  if (configured) return configured;
  const file = secretFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}

/** The configured secret, or one generated once and kept (owner-readable only) in the data folder. */
export function resolveTokenSecret(configured: string | undefined, dataDir: string): string {
  const existing = existingTokenSecret(configured, dataDir);
  if (existing !== undefined) return existing;
  const file = secretFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The key the PostgreSQL ballot store seals secret ballots with while their poll is open
 * (docs/ballot-secrecy.md), derived from the token secret: every node of a deployment has the same
 * one, and it is never stored in the database.
 */
export function ballotSecretOf(tokenSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", tokenSecret, "yishiting", "ballot-sealing", 32));
}
