import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import { actingRole } from "@core/bargaining/chairing.ts";
import type { Command } from "@core/meeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { SUGGESTED_LANGUAGES, languageLabel } from "./languageNames.ts";
import "./interpretation.css";

/** The longest language name the meeting accepts (core/interpretation/schema.ts). */
const LANGUAGE_MAX = 20;

/**
 * 传译, for the chair and the clerk: who interprets into what, and start (or change) and stop it. The
 * interpreter is picked from the roster (named as everywhere, 同名区分), not the chair (in a bargaining
 * meeting the presiding chief, core/bargaining/chairing.ts); the language is
 * typed (英语, 维吾尔语). Refusals show in the console's error notice (`run`).
 */
export function InterpretationControl({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const uid = useId();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState("");
  const [language, setLanguage] = useState("");
  if (!state) return null;
  const lng = currentLanguage();
  const running = state.interpretation;
  const closed = state.status === "closed";

  const needle = search.trim().toLowerCase();
  const people = state.roster.filter(
    (p) =>
      actingRole(state, p) !== "chair" &&
      (!needle || [nameOf(p.id), p.name, p.sector, p.party, p.unit, p.household].some((v) => v?.toLowerCase().includes(needle))),
  );
  const selected = people.some((p) => p.id === chosen) ? chosen : "";
  const typed = language.trim();
  // The field holds at most LANGUAGE_MAX characters; the meeting checks the rest (VALIDATION).
  const ready = selected !== "" && typed.length > 0;

  const start = async () => {
    if (await run({ type: "interpretation.start", participantId: selected, language: typed })) {
      setChosen("");
      setSearch("");
      setLanguage("");
    }
  };

  return (
    <section className="panel interpretation-control" aria-labelledby={`${uid}-title`} data-testid="interpretation-control">
      <h2 id={`${uid}-title`}>
        <Icon name="headphones" /> {t("interpretation.title")}
      </h2>
      {running ? (
        <div className="interpretation-running">
          <p data-testid="interpretation-running">
            <strong>{t("interpretation.running", { name: nameOf(running.interpreterId) ?? "—", language: languageLabel(running.language, lng) })}</strong>
          </p>
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => void run({ type: "interpretation.stop" })}
            data-testid="interpretation-stop"
          >
            {t("interpretation.stop")}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="interpretation-none">
          {t("interpretation.none")}
        </p>
      )}
      {closed ? null : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void start();
          }}
        >
          <div className="row">
            <input
              type="search"
              className="grow"
              placeholder={t("interpretation.search")}
              aria-label={t("interpretation.search")}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="interpretation-search"
            />
            <select
              className="grow"
              aria-label={t("interpretation.person")}
              value={selected}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="interpretation-person"
            >
              <option value="">{t("interpretation.choosePerson", { count: people.length })}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {[nameOf(p.id) ?? p.name, ...sectorParty(p)].join(" · ")}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <label className="grow interpretation-language">
              <span>{t("interpretation.language")}</span>
              <input
                type="text"
                list={`${uid}-languages`}
                maxLength={LANGUAGE_MAX}
                placeholder={t("interpretation.languageHint")}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                data-testid="interpretation-language"
              />
            </label>
            <datalist id={`${uid}-languages`}>
              {SUGGESTED_LANGUAGES(lng).map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
            <button type="submit" className="primary" disabled={pending || !ready} data-testid="interpretation-start">
              {t(running ? "interpretation.replace" : "interpretation.start")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
