import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { Command } from "@core/meeting.ts";
import { suggestNext } from "@core/ordering/suggest.ts";
import { decidedByText, priorityText } from "@core/ordering/words.ts";
import { focusAfter } from "../../components/focusAfter.ts";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { useLang } from "../../i18n/words.ts";
import { endSpeechButton } from "./chairFocus.ts";

/**
 * 建议下一位: the suggested person, why (未发言 · 界别均衡 …), and one button to call them (then the
 * focus goes to the speech bar's 结束发言). Not a live region: it changes with every change of the
 * queue; the new speaker is said once by the clock's announcements.
 */
export function SuggestNext({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const lang = useLang();
  const nameOf = useDisplayName();
  const suggestion = state ? suggestNext(state) : null;
  const entry = suggestion && state?.queue.find((e) => e.participantId === suggestion.participantId);
  if (!suggestion || !entry) return null;
  const p = person(entry.participantId);
  return (
    <div className="suggestion" data-testid="suggestion">
      <span className="suggestion-label">{t("speaking.suggested")}</span>
      <span className="suggestion-name" data-testid="suggestion-name">
        {speakerName(entry, nameOf)}
      </span>
      <KindBadge kind={entry.kind} />
      {sectorParty(p).length > 0 && <span className="muted small">{sectorParty(p).join(" · ")}</span>}
      <span className="suggestion-reasons" data-testid="suggestion-reasons">
        {suggestion.reasons.map((r) => t(`speaking.reason.${r}`)).join(" · ")}
      </span>
      {/* Which rule decided, and its place in this meeting's priority (the whole order on hover). */}
      <span className="suggestion-rule muted small" data-testid="suggestion-rule" title={state ? priorityText(state.ordering, lang) : undefined}>
        {decidedByText(suggestion.decidedBy, lang)}
      </span>
      {/* floor.give without a name: the server takes its own suggestion (the same one). */}
      <button
        type="button"
        className="primary"
        disabled={pending || state?.status !== "open"}
        onClick={() => void focusAfter(() => run({ type: "floor.give" }), endSpeechButton)}
        data-testid="call-suggested"
        data-action="give"
      >
        {t("speaking.callSuggested")} <kbd>N</kbd>
      </button>
    </div>
  );
}
