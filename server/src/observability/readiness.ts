// Whether this server can serve meetings now (GET /api/ready): the database answers a query, and,
// when media is configured, Janus is up. Each check is bounded in time: a hung database makes the
// answer "not ready", never a hung probe. No personal data in the answer.
import type { Db } from "../db/database.ts";
import type { MediaPlane } from "../media/mediaPlane.ts";

/** Longest a check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 3000;

export interface Readiness {
  ready: boolean;
  checks: {
    /** ok: a query answered; unreachable: it failed or took longer than 3 s. */
    database: "ok" | "unreachable";
    /** off: no Janus configured (media off); ok: Janus up; down: starting, restarting or gone. */
    media: "off" | "ok" | "down";
  };
}

export async function readiness(db: Db, media: Pick<MediaPlane, "janusUrl" | "status">): Promise<Readiness> {
  const database = (await answers(() => db.$queryRaw`SELECT 1`)) ? "ok" : "unreachable";
  const mediaCheck = media.janusUrl === undefined ? "off" : media.status() === "up" ? "ok" : "down";
  return { ready: database === "ok" && mediaCheck !== "down", checks: { database, media: mediaCheck } };
}

async function answers(query: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      query(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
