import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { Command } from "@core/meeting.ts";
import { SPEAKING_ROLES } from "@core/roles.ts";
import { queuePosition } from "@core/state.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import "../floor/speaking.css";

type Source = "roster" | "guest";
type Kind = "impromptu" | "pointOfOrder";

/** Chair and clerk: put an in-room person without a device in line, from the roster or a guest by name. */
export function AddSpeaker({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const uid = useId();
  const [source, setSource] = useState<Source>("roster");
  const [kind, setKind] = useState<Kind>("impromptu");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState("");
  const [guestName, setGuestName] = useState("");
  const [done, setDone] = useState<string | null>(null);
  if (!state || state.status !== "open") return null;

  const needle = search.trim().toLowerCase();
  const people = state.roster.filter(
    (p) =>
      SPEAKING_ROLES.includes(p.role) &&
      queuePosition(state, p.id) < 0 &&
      state.floor?.participantId !== p.id &&
      (!needle || [p.name, p.sector, p.party, p.unit, p.household].some((v) => v?.toLowerCase().includes(needle))),
  );
  const selected = people.some((p) => p.id === chosen) ? chosen : "";
  const name = source === "guest" ? guestName.trim() : (nameOf(selected) ?? "");
  const ready = source === "guest" ? name.length > 0 && name.length <= 40 : selected !== "";

  const submit = async () => {
    const command: Command = source === "guest" ? { type: "queue.add", guestName: name, kind } : { type: "queue.add", participantId: selected, kind };
    if (await run(command)) {
      setDone(name);
      setGuestName("");
      setChosen("");
      setSearch("");
    }
  };

  return (
    <section className="panel add-speaker" aria-labelledby={`${uid}-title`} data-testid="add-speaker">
      <h2 id={`${uid}-title`}>
        {t("speaking.addTitle")} <span className="muted small">{t("speaking.addHint")}</span>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <div className="row">
          <span className="segmented" role="radiogroup" aria-label={t("speaking.addFrom")}>
            {(["roster", "guest"] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name={`${uid}-source`}
                  checked={source === s}
                  onChange={() => {
                    setSource(s);
                    setDone(null);
                  }}
                  data-testid={`add-source-${s}`}
                />
                {t(s === "roster" ? "speaking.addRoster" : "speaking.addGuest")}
              </label>
            ))}
          </span>
        </div>
        {source === "roster" ? (
          <div className="row">
            <input
              type="search"
              className="grow"
              placeholder={t("speaking.addSearch")}
              aria-label={t("speaking.addSearch")}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="add-search"
            />
            <select className="grow" aria-label={t("speaking.addChoose")} value={selected} onChange={(e) => setChosen(e.target.value)} data-testid="add-person">
              <option value="">
                {t("speaking.addChoose")}
                {t("punct.open")}
                {people.length}
                {t("punct.close")}
              </option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {[nameOf(p.id) ?? p.name, ...sectorParty(p)].join(" · ")}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="row">
            <input
              type="text"
              className="grow"
              maxLength={40}
              placeholder={t("speaking.addGuestName")}
              aria-label={t("speaking.addGuestName")}
              value={guestName}
              onChange={(e) => {
                setGuestName(e.target.value);
                setDone(null);
              }}
              data-testid="add-guest-name"
            />
          </div>
        )}
        <div className="row">
          <span className="segmented" role="radiogroup" aria-label={t("speaking.addKind")}>
            {(["impromptu", "pointOfOrder"] as const).map((k) => (
              <label key={k}>
                <input type="radio" name={`${uid}-kind`} checked={kind === k} onChange={() => setKind(k)} data-testid={`add-kind-${k}`} />
                {t(`speaking.kindFull.${k}`)}
              </label>
            ))}
          </span>
          <button type="submit" className="primary" disabled={pending || !ready} data-testid="add-submit">
            {t("speaking.addSubmit")}
          </button>
        </div>
        {done && (
          <p className="done" role="status" data-testid="add-done">
            {t("speaking.addDone", { name: done })}
          </p>
        )}
      </form>
    </section>
  );
}
