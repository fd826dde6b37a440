import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { DraftsProvider } from "./drafts.tsx";
import { EntryDetail } from "./EntryDetail.tsx";
import { Timeline } from "./Timeline.tsx";
import { clerkTimeline } from "./timeline.ts";
import "./record.css";

/**
 * 记录工作台: the live timeline on the left, the selected entry with its notes (发言要点,
 * 意见建议; 议定事项 for an agenda item) on the right. Until the clerk picks an entry, the latest
 * speech is shown. `readOnly`: the notes are shown, not edited.
 */
export function RecordWorkspace({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const [picked, setPicked] = useState<string | null>(null);
  if (!state || !welcome) return null;
  const groups = clerkTimeline(state);
  const latestSpeech =
    groups
      .flatMap((g) => g.entries)
      .filter((e) => e.type === "speech" || e.type === "written")
      .at(-1)?.key ?? null;
  const selected = picked ?? latestSpeech;
  return (
    <DraftsProvider meetingId={welcome.meeting.id}>
      <div className="record-workspace" data-testid="record-workspace" aria-label={t("notes.workspace")}>
        <Timeline groups={groups} selected={selected} onSelect={setPicked} />
        <EntryDetail groups={groups} selected={selected} readOnly={readOnly} />
      </div>
    </DraftsProvider>
  );
}
