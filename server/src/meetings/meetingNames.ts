// The names of a meeting's people as every screen and document shows them (同名区分,
// core/naming/displayNames.ts), for server code that reads the roster from the database rather
// than from the live room. Roster order, as the live roster has it (people nothing tells apart
// are numbered in that order).
import { displayNames } from "../../../core/naming/displayNames.ts";
import type { Db } from "../db/database.ts";

export async function meetingNames(db: Db, meetingId: string): Promise<ReadonlyMap<string, string>> {
  const people = await db.participant.findMany({
    where: { meetingId },
    orderBy: [{ ordinal: "asc" }, { id: "asc" }],
    select: { id: true, name: true, household: true, unit: true, sector: true },
  });
  return displayNames(people);
}
