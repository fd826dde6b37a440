import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { SPEAKING_ROLES } from "@core/roles.ts";
import { queuePosition } from "@core/state.ts";
import { announce } from "../../components/announcer/announce.ts";
import { focusAfter } from "../../components/focusAfter.ts";
import { RosterPickerFields, useRosterPicker } from "../../components/RosterPicker.tsx";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import "../floor/speaking.css";

type Source = "roster" | "guest";
type Kind = "impromptu" | "pointOfOrder";

/**
 * Chair and clerk: put an in-room person without a device in line, from the roster or a guest by
 * name. Once added it is said, and the focus goes back to the first field for the next one (the
 * submit button is disabled until a person is chosen again).
 */
export function AddSpeaker({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const uid = useId();
  const [source, setSource] = useState<Source>("roster");
  const [kind, setKind] = useState<Kind>("impromptu");
  const [guestName, setGuestName] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // Members and officials not in line and not speaking.
  const picker = useRosterPicker(
    state?.roster.filter((p) => SPEAKING_ROLES.includes(p.role) && queuePosition(state, p.id) < 0 && state.floor?.participantId !== p.id) ?? [],
  );
  if (!state || state.status !== "open") return null;

  const selected = picker.selected;
  const name = source === "guest" ? guestName.trim() : (nameOf(selected) ?? "");
  const ready = source === "guest" ? name.length > 0 && name.length <= 40 : selected !== "";

  const submit = async () => {
    const command: Command = source === "guest" ? { type: "queue.add", guestName: name, kind } : { type: "queue.add", participantId: selected, kind };
    const firstField = () => form.current?.querySelector<HTMLElement>('input:not([type="radio"]), select');
    if (await focusAfter(() => run(command), firstField, form.current)) {
      setDone(name);
      announce(t("speaking.addDone", { name }));
      setGuestName("");
      picker.reset();
    }
  };

  return (
    <section className="panel add-speaker" aria-labelledby={`${uid}-title`} data-testid="add-speaker">
      <h2 id={`${uid}-title`}>
        {t("speaking.addTitle")} <span className="muted small">{t("speaking.addHint")}</span>
      </h2>
      <form
        ref={form}
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
            <RosterPickerFields
              picker={picker}
              searchLabel={t("speaking.addSearch")}
              personLabel={t("speaking.addChoose")}
              chooseOption={`${t("speaking.addChoose")}${t("punct.open")}${picker.people.length}${t("punct.close")}`}
              testId="add"
            />
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
          <p className="done" data-testid="add-done">
            {t("speaking.addDone", { name: done })}
          </p>
        )}
      </form>
    </section>
  );
}
