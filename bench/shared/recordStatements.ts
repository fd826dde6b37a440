// Counts the SQL statements this process sends, on either database, from outside the server code:
// better-sqlite3 prepares every query (Prisma's adapter included, BEGIN and COMMIT too), and on
// PostgreSQL every query (Prisma's adapter-pg and the stores' own SQL, pooled or not) goes through
// pg.Client#query. Importing this module patches both once; `start`/`stop` bracket a window.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";

/** A statement sent, `at` ms after recording started. */
export interface Statement {
  at: number;
  sql: string;
}

let recording: Statement[] | null = null;
let since = 0;

const record = (sql: string): void => {
  recording?.push({ at: Math.round((performance.now() - since) * 10) / 10, sql });
};

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, sql: string) {
  record(sql);
  return prepare.call(this, sql);
} as typeof prepare;

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
  record(typeof config === "string" ? config : String((config as { text?: unknown } | null)?.text ?? ""));
  return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
} as typeof query;

export function startRecording(): void {
  recording = [];
  since = performance.now();
}

/** The statements since `startRecording`; recording stops. */
export function stopRecording(): Statement[] {
  const statements = recording ?? [];
  recording = null;
  return statements;
}
