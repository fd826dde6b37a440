import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { actingRole } from "@core/bargaining/chairing.ts";
import type { Command } from "@core/meeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { RosterPickerFields, useRosterPicker } from "../../components/RosterPicker.tsx";
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
  const [language, setLanguage] = useState("");
  // Anyone on the roster but the chair (in a bargaining meeting the presiding chief).
  const picker = useRosterPicker(state?.roster.filter((p) => actingRole(state, p) !== "chair") ?? []);
  if (!state) return null;
  const lng = currentLanguage();
  const running = state.interpretation;
  const closed = state.status === "closed";

  const selected = picker.selected;
  const typed = language.trim();
  // The field holds at most LANGUAGE_MAX characters; the meeting checks the rest (VALIDATION).
  const ready = selected !== "" && typed.length > 0;

  const start = async () => {
    if (await run({ type: "interpretation.start", participantId: selected, language: typed })) {
      picker.reset();
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
            <RosterPickerFields
              picker={picker}
              searchLabel={t("interpretation.search")}
              personLabel={t("interpretation.person")}
              chooseOption={t("interpretation.choosePerson", { count: picker.people.length })}
              testId="interpretation"
            />
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
