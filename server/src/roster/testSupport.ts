// Test helpers for the roster module (fixtures are copies of the shared fixtures, kept here so
// that tests never read outside the project).
import { readFileSync } from "node:fs";

/** cppcc-roster-gbk-lossy.csv: the GBK roster plus 王䶮 as Excel saves it in GBK (王?). */
export type FixtureName = "cppcc-roster.csv" | "cppcc-roster-gbk.csv" | "cppcc-roster-gbk-lossy.csv" | "community-roster.csv" | "bargaining-roster.csv";

export const fixture = (name: FixtureName): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export const csv = (text: string): Buffer => Buffer.from(text, "utf8");
