// Picking one roster person in the chair's and clerk's panels (传译, 速记, adding an in-room
// speaker): a search over the name as shown (同名区分), the name, sector, party, unit and household,
// and a select of who matches, each labelled with the name and sector/party.
import { useState } from "react";
import { sectorParty } from "@core/affiliation.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { useDisplayName } from "../connection/useMeeting.ts";

export interface RosterPicker {
  search: string;
  setSearch: (search: string) => void;
  setChosen: (id: string) => void;
  /** The candidates the search matches. */
  people: RosterEntry[];
  /** The chosen person while the search still shows them; "" otherwise. */
  selected: string;
  /** Clears the search and the choice (after the command went through). */
  reset: () => void;
}

export function useRosterPicker(candidates: readonly RosterEntry[]): RosterPicker {
  const nameOf = useDisplayName();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState("");
  const needle = search.trim().toLowerCase();
  const people = candidates.filter(
    (p) => !needle || [nameOf(p.id), p.name, p.sector, p.party, p.unit, p.household].some((v) => v?.toLowerCase().includes(needle)),
  );
  const selected = people.some((p) => p.id === chosen) ? chosen : "";
  return {
    search,
    setSearch,
    setChosen,
    people,
    selected,
    reset: () => {
      setChosen("");
      setSearch("");
    },
  };
}

/** The search field and the select (inside the caller's row); `testId` prefixes their test ids (`<testId>-search`, `<testId>-person`). */
export function RosterPickerFields({
  picker,
  searchLabel,
  personLabel,
  chooseOption,
  testId,
}: {
  picker: RosterPicker;
  searchLabel: string;
  personLabel: string;
  /** The select's first option (nobody chosen yet), e.g. with the number of matches. */
  chooseOption: string;
  testId: string;
}) {
  const nameOf = useDisplayName();
  return (
    <>
      <input
        type="search"
        className="grow"
        placeholder={searchLabel}
        aria-label={searchLabel}
        value={picker.search}
        onChange={(e) => picker.setSearch(e.target.value)}
        data-testid={`${testId}-search`}
      />
      <select
        className="grow"
        aria-label={personLabel}
        value={picker.selected}
        onChange={(e) => picker.setChosen(e.target.value)}
        data-testid={`${testId}-person`}
      >
        <option value="">{chooseOption}</option>
        {picker.people.map((p) => (
          <option key={p.id} value={p.id}>
            {[nameOf(p.id) ?? p.name, ...sectorParty(p)].join(" · ")}
          </option>
        ))}
      </select>
    </>
  );
}
