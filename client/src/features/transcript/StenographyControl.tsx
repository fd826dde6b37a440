import { useId } from "react";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { Command } from "@core/meeting.ts";
import { MAX_STENOGRAPHERS } from "@core/transcript/schema.ts";
import { RosterPickerFields, useRosterPicker } from "../../components/RosterPicker.tsx";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { assignable } from "./stenography.ts";
import "./transcript.css";

/**
 * 速记, for the chair and the clerk: who is named a stenographer (速记员, in naming order: a relay
 * team, 接力), 撤销 for each, and a roster picker (named as everywhere, 同名区分; those already named
 * left out) to name one more, up to MAX_STENOGRAPHERS. Refusals show in the console's error notice (`run`).
 */
export function StenographyControl({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const uid = useId();
  const picker = useRosterPicker(state ? assignable(state) : []);
  if (!state) return null;
  const closed = state.status === "closed";
  const named = state.stenographers;
  const full = named.length >= MAX_STENOGRAPHERS;

  const selected = picker.selected;
  const person = (id: string) => state.roster.find((p) => p.id === id);
  const label = (id: string) => {
    const p = person(id);
    return [nameOf(id) ?? p?.name ?? "—", ...sectorParty(p)].join(" · ");
  };

  const assign = async () => {
    if (await run({ type: "stenography.assign", participantId: selected })) {
      picker.reset();
    }
  };

  return (
    <section className="panel stenography-control" aria-labelledby={`${uid}-title`} data-testid="stenography-control">
      <h2 id={`${uid}-title`}>{t("transcript.title")}</h2>
      {named.length === 0 ? (
        <p className="muted" data-testid="stenographers-none">
          {t("transcript.none")}
        </p>
      ) : (
        <ol className="stenographers" aria-label={t("transcript.named")} data-testid="stenographers">
          {named.map((id) => (
            <li key={id} data-testid="stenographer" data-participant={id}>
              <span className="stenographer-name">{label(id)}</span>
              {/* Once closed the meeting names and releases no one (MEETING_CLOSED): the list stays, the buttons go. */}
              {!closed && (
                <button
                  type="button"
                  className="secondary"
                  disabled={pending}
                  aria-label={t("transcript.releaseNamed", { name: nameOf(id) ?? "—" })}
                  onClick={() => void run({ type: "stenography.release", participantId: id })}
                  data-testid="stenographer-release"
                >
                  {t("transcript.release")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {closed ? null : full ? (
        <p className="muted small" data-testid="stenographers-full">
          {t("transcript.full", { max: MAX_STENOGRAPHERS })}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (selected) void assign();
          }}
        >
          <div className="row">
            <RosterPickerFields
              picker={picker}
              searchLabel={t("transcript.search")}
              personLabel={t("transcript.person")}
              chooseOption={t("transcript.choosePerson", { count: picker.people.length })}
              testId="stenography"
            />
            <button type="submit" className="primary" disabled={pending || !selected} data-testid="stenography-assign">
              {t("transcript.assign")}
            </button>
          </div>
          <p className="muted small">{t("transcript.relayHint")}</p>
        </form>
      )}
    </section>
  );
}
