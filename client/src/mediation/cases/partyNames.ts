// Parties named as on every screen: same-name parties told apart by their household (张丽（501室）).
import type { MediationCase } from "@core/api/mediationCases.ts";
import { rosterNames } from "@core/naming/displayNames.ts";

export const partyNames = (c: Pick<MediationCase, "parties">): ReadonlyMap<string, string> =>
  rosterNames(c.parties.map((p) => ({ id: p.id, name: p.name, household: p.household })));
