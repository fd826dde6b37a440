// A member's 界别 (sector) and 党派 (party) as shown beside their name. CPPCC rosters often give a
// party's members the party as their sector too (界别 民革, 党派 民革): then it is shown once.

export interface SectorAndParty {
  sector?: string | null;
  party?: string | null;
}

/** The sector, then the party unless it says the same; blanks left out. 民革 · 民革 → [民革]. */
export function sectorParty(person: SectorAndParty | null | undefined): string[] {
  const sector = person?.sector?.trim() ?? "";
  const party = person?.party?.trim() ?? "";
  const same = sector !== "" && sector.normalize("NFKC") === party.normalize("NFKC");
  return [sector, same ? "" : party].filter((part) => part !== "");
}
