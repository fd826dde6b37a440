import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { WrittenSpeechForm } from "./WrittenSpeechForm.tsx";

/** Chair and clerk: enter a written speech (书面发言) handed in on paper, for its author. */
export function WrittenOnBehalf() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const [open, setOpen] = useState(false);
  if (state?.status !== "open") return null;
  return (
    <section className="panel" data-testid="written-on-behalf">
      {open ? (
        <WrittenSpeechForm onBehalf onClose={() => setOpen(false)} />
      ) : (
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="written-on-behalf-open">
          {t("speaking.writtenOnBehalf")}
        </button>
      )}
    </section>
  );
}
