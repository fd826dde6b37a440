import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MEETING_CLOSING } from "@core/record/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { DraftsProvider } from "./drafts.tsx";
import { SummaryEditor } from "./SummaryEditor.tsx";
import "./record.css";

/**
 * 主持人总结 on the chair's console: the chair writes their own closing remarks on the current
 * agenda item and on the whole meeting — the same notes the clerk writes in the record workspace,
 * with the same version check (EDIT_CONFLICT, merge). Folded until opened.
 */
export function ChairClosingPanel() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const chair = useRoleLabel()({ role: "chair" });
  const [open, setOpen] = useState(false);
  if (!state || !welcome) return null;
  const item = state.agenda.find((a) => a.id === state.currentItemId);
  return (
    <section className="panel" aria-labelledby="closing-title" data-testid="chair-closing">
      <h2 id="closing-title">
        <button
          type="button"
          className="link stats-toggle"
          aria-expanded={open}
          aria-controls="closing-body"
          onClick={() => setOpen(!open)}
          data-testid="chair-closing-toggle"
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {t("notes.closing", { chair })}
        </button>
      </h2>
      {open && (
        <div id="closing-body">
          <DraftsProvider meetingId={welcome.meeting.id}>
            {item && (
              <SummaryEditor
                key={`closing:${item.id}`}
                entry={{ kind: "closing", id: item.id }}
                readOnly={false}
                label={t("notes.closingItem", { title: item.title })}
              />
            )}
            <SummaryEditor
              key="closing:meeting"
              entry={{ kind: "closing", id: MEETING_CLOSING }}
              readOnly={false}
              label={t("notes.meetingClosing", { chair })}
            />
          </DraftsProvider>
        </div>
      )}
    </section>
  );
}
