// Speaking statistics (发言统计) over HTTP (docs/api.md): GET /api/meetings/:id/statistics, the
// live room's core/stats/speechStats.ts at the server's clock (`at`, ms); the files are CSV/XLSX.
import { z } from "zod";
import { InterjectionOutcomeSchema } from "../interjection/schema.ts";
import { SpeechKindSchema } from "../queue/schema.ts";
import type { SpeechStats, Tally } from "../stats/speechStats.ts";

const count = z.number();
const TallySchema: z.ZodType<Tally> = z.looseObject({ key: z.string(), label: z.string(), speeches: count, totalMs: count, overruns: count });
const perKey = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const StatisticsResponse: z.ZodType<SpeechStats & { at: number }> = z.looseObject({
  at: z.number(),
  overall: z.looseObject({ speeches: count, totalMs: count, overruns: count, written: count, byKind: perKey(SpeechKindSchema.options) }),
  byPerson: z.array(TallySchema),
  bySector: z.array(TallySchema),
  byParty: z.array(TallySchema),
  byItem: z.array(TallySchema),
  neverSpoke: z.array(z.looseObject({ participantId: z.string(), label: z.string() })),
  interjections: z.looseObject({
    overall: z.looseObject({ count, totalMs: count, byOutcome: perKey([...InterjectionOutcomeSchema.options, "none"] as const) }),
    byPerson: z.array(TallySchema),
  }),
});
