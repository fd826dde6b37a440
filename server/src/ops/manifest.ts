// manifest.json, the first thing a backup archive holds: which version and schema (the applied
// migrations) made it, which database, and the size and SHA-256 of every other file, so a restore
// can tell a damaged, tampered or too new archive before it changes anything.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const MANIFEST_FILE = "manifest.json";
/** The archive's layout: the database, the data folder's files, the recordings folder. */
export const DATABASE_DIR = "database";
export const DATA_DIR = "data";
export const RECORDINGS_DIR = "recordings";
/** The data folder's sub-folders a backup holds (uploads, attachments, photos), and its token secret file. */
export const DATA_FOLDERS = ["materials", "ledger", "campaigns", "polls"] as const;
export const TOKEN_SECRET_FILE = "token-secret";

export const ManifestFile = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z.object({
  format: z.literal(1),
  app: z.literal("yishiting"),
  version: z.string(),
  createdAt: z.string(),
  database: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sqlite"), file: z.string() }),
    z.object({ kind: z.literal("postgresql"), file: z.string(), schema: z.string() }),
  ]),
  /** The migrations applied to the database when it was copied, in order. */
  schema: z.array(z.string()),
  /** Whether the token secret is in the archive (a file of the data folder) or kept by the operator (YST_TOKEN_SECRET). */
  tokenSecret: z.enum(["file", "environment", "none"]),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/** This build's version (package.json). */
export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../../package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Every regular file under `root` as a path relative to it (with "/"), sorted. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out.sort();
}

/** The manifest entries of every file under `root` (the staged archive), the manifest itself excepted. */
export async function describeFiles(root: string): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const rel of filesUnder(root)) {
    if (rel === MANIFEST_FILE) continue;
    const full = path.join(root, rel);
    files.push({ path: rel, size: fs.statSync(full).size, sha256: await sha256File(full) });
  }
  return files;
}
