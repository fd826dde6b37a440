// What the operator's routes (opsRoutes.ts) ask of the database and the media plane: readiness
// (readiness.ts) and the database's schema version, the newest migration applied (db/migrate.ts
// and db/pgMigrate.ts record each in "_yst_migrations", on either backend).
import type { Db } from "../db/database.ts";
import type { MediaPlane } from "../media/mediaPlane.ts";
import { readiness, type Readiness } from "./readiness.ts";

export interface OpsChecks {
  ready(): Promise<Readiness>;
  /** The newest migration applied (its folder's name); null when none is recorded. */
  schema(): Promise<string | null>;
}

export function opsChecks(db: Db, media: Pick<MediaPlane, "janusUrl" | "status">): OpsChecks {
  return {
    ready: () => readiness(db, media),
    schema: async () => {
      const rows = await db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "_yst_migrations" ORDER BY "name" DESC LIMIT 1`;
      return rows[0]?.name ?? null;
    },
  };
}
