import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PollEvidenceResponse } from "@core/api/polls.ts";
import type { Command } from "@core/meeting.ts";
import type { EligibleVoter, Poll } from "@core/poll/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { downloadFile } from "../../connection/download.ts";
import { restRequest } from "../../connection/rest.ts";
import { useConnection, useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { BallotForm } from "./BallotForm.tsx";
import { useUnitLabel } from "./useUnitLabel.ts";
import { useVote } from "./useVote.ts";

const OTHER = "";

/**
 * The chair's and the clerk's entries on an open poll: 录入纸质票 (a present household's ballot
 * without a device: choose the unit, its choice, and for a named poll a note such as 纸质票已存档)
 * and 登记委托 (a household authorised a proxy: the holder, present on the roster or named, the
 * authorisation, required, and optionally a photo of the signed form, uploaded first). The proxies
 * recorded are listed, with their photo; the server refuses a unit's second ballot or second proxy.
 */
const evidenceUrl = (meetingId: string, evidence: string) => `/api/meetings/${encodeURIComponent(meetingId)}/polls/evidence/${evidence}`;

export function PaperProxyEntry({ poll, run, pending }: { poll: Poll; run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const label = useUnitLabel();
  const connection = useConnection();
  const { welcome } = useMeeting();
  const [mode, setMode] = useState<"paper" | "proxy" | null>(null);
  /** The unit whose paper ballot was just entered (said in the current language). */
  const [saved, setSaved] = useState<EligibleVoter | null>(null);
  const unitOf = (unitId: string) => poll.eligible.find((u) => u.unitId === unitId);
  return (
    <div className="poll-proxy-entry" data-testid="poll-proxy-entry">
      {poll.proxies.length > 0 && (
        <div className="poll-proxies">
          <span className="muted small">{t("pollProxy.recorded")}</span>
          <ul>
            {poll.proxies.map((p) => (
              <li key={p.unitId} data-testid="poll-proxy" data-unit={p.unitId}>
                <span data-testid="poll-proxy-line">
                  {t("pollProxy.proxyLine", { unit: label(unitOf(p.unitId) ?? { household: null, participantIds: [] }, "户"), holder: p.holderName })}
                  {p.holderId === null && t("pollProxy.onPaper")}
                </span>{" "}
                {p.evidence && welcome && (
                  <button
                    type="button"
                    className="link small"
                    onClick={() => void downloadFile(evidenceUrl(welcome.meeting.id, p.evidence!), connection.token, "委托书.jpg")}
                    data-testid="poll-proxy-photo-view"
                  >
                    {t("pollProxy.photoView")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saved && mode === null && (
        <p className="poll-paper-saved small" role="status" data-testid="poll-paper-saved">
          {t("pollProxy.paperSaved", { unit: label(saved, "户") })}
        </p>
      )}
      {mode === null && (
        <div className="poll-buttons">
          <button type="button" className="secondary" onClick={() => setMode("paper")} data-testid="poll-paper-open">
            {t("pollProxy.paperOpen")}
          </button>
          <button type="button" className="secondary" onClick={() => setMode("proxy")} data-testid="poll-proxy-open">
            {t("pollProxy.proxyOpen")}
          </button>
        </div>
      )}
      {mode === "paper" && (
        <PaperForm
          poll={poll}
          onDone={(unit) => {
            setMode(null);
            setSaved(unit);
          }}
        />
      )}
      {mode === "proxy" && <ProxyForm poll={poll} run={run} pending={pending} onDone={() => setMode(null)} />}
    </div>
  );
}

function UnitSelect({ units, value, onChange, testId }: { units: EligibleVoter[]; value: string; onChange: (unitId: string) => void; testId: string }) {
  const { t } = useTranslation();
  const label = useUnitLabel();
  return (
    <label className="poll-field">
      <span>{t("pollProxy.unit")}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t("pollProxy.chooseUnit")}</option>
        {units.map((u) => (
          <option key={u.unitId} value={u.unitId}>
            {label(u, "户")}
          </option>
        ))}
      </select>
    </label>
  );
}

/** 录入纸质票: units that may vote now (present at the opening, or latecomers where allowed) and have not voted, as far as this screen knows. */
function PaperForm({ poll, onDone }: { poll: Poll; onDone: (unit: EligibleVoter | null) => void }) {
  const { t } = useTranslation();
  const { polls, status } = useMeeting();
  const { paper, pending, error, clearError } = useVote();
  const [unitId, setUnitId] = useState("");
  const [note, setNote] = useState(t("pollProxy.paperNoteDefault"));
  const voted = new Set(polls.voters[poll.pollId] ?? []);
  const units = poll.eligible.filter((u) => (u.present || poll.definition.eligibility.absentMayVote) && !voted.has(u.unitId));
  const secret = poll.definition.secret;
  return (
    <section className="poll-paper-form" aria-label={t("pollProxy.paperTitle")} data-testid="poll-paper-form">
      <h4>{t("pollProxy.paperTitle")}</h4>
      <ErrorNotice message={error} onClose={clearError} />
      <UnitSelect units={units} value={unitId} onChange={setUnitId} testId="poll-paper-unit" />
      {secret ? (
        <p className="muted small">{t("pollProxy.paperSecret")}</p>
      ) : (
        <label className="poll-field">
          <span>{t("pollProxy.paperNote")}</span>
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="poll-paper-note" />
        </label>
      )}
      {/* Keyed by unit: another household starts with a clean ballot. */}
      <BallotForm
        key={unitId}
        poll={poll}
        initial={[]}
        pending={pending}
        disabled={unitId === "" || status !== "connected"}
        onCast={(choices) =>
          void paper({ pollId: poll.pollId, unitId, choices, ...(secret || note.trim() === "" ? {} : { note: note.trim() }) }).then((ok) => {
            if (ok) onDone(poll.eligible.find((u) => u.unitId === unitId) ?? null);
          })
        }
      />
      <button type="button" className="ghost" onClick={() => onDone(null)} data-testid="poll-paper-cancel">
        {t("pollProxy.cancel")}
      </button>
    </section>
  );
}

/** 登记委托: a unit without a proxy yet, its holder (someone present outside the unit, or a name) and the authorisation. */
function ProxyForm({ poll, run, pending, onDone }: { poll: Poll; run: (command: Command) => Promise<boolean>; pending: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const connection = useConnection();
  const nameOf = useDisplayName();
  const [photo, setPhoto] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [unitId, setUnitId] = useState("");
  const [holderId, setHolderId] = useState(OTHER);
  const [holderName, setHolderName] = useState("");
  const [note, setNote] = useState("");
  const units = poll.eligible.filter((u) => !poll.proxies.some((p) => p.unitId === u.unitId));
  const unit = units.find((u) => u.unitId === unitId);
  const holders = (state?.roster ?? []).filter((p) => state?.attendance[p.id]?.status === "present" && !unit?.participantIds.includes(p.id));
  const holder = holderId === OTHER ? (holderName.trim() ? { name: holderName.trim() } : null) : { participantId: holderId };
  const ready = unit !== undefined && holder !== null && note.trim() !== "" && welcome !== null;
  /** The photo first (its id goes with the command), then the proxy. */
  const record = async () => {
    if (!ready) return;
    let evidence: string | undefined;
    if (photo) {
      setUploading(true);
      setPhotoError(null);
      const form = new FormData();
      form.append("file", photo, photo.name);
      try {
        const url = `/api/meetings/${encodeURIComponent(welcome.meeting.id)}/polls/evidence`;
        evidence = (await restRequest(connection.token, "POST", url, PollEvidenceResponse, form, t("pollProxy.photoFailed"))).evidence;
      } catch (e) {
        setPhotoError(e instanceof Error ? e.message : t("pollProxy.photoFailed"));
        return;
      } finally {
        setUploading(false);
      }
    }
    if (await run({ type: "poll.recordProxy", pollId: poll.pollId, unitId, holder, note: note.trim(), ...(evidence ? { evidence } : {}) })) onDone();
  };
  return (
    <form
      className="poll-proxy-form"
      aria-label={t("pollProxy.proxyTitle")}
      data-testid="poll-proxy-form"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <h4>{t("pollProxy.proxyTitle")}</h4>
      <ErrorNotice message={photoError} onClose={() => setPhotoError(null)} />
      <UnitSelect units={units} value={unitId} onChange={setUnitId} testId="poll-proxy-unit" />
      <label className="poll-field">
        <span>{t("pollProxy.holder")}</span>
        <select value={holderId} onChange={(e) => setHolderId(e.target.value)} data-testid="poll-proxy-holder">
          <option value={OTHER}>{t("pollProxy.holderOther")}</option>
          {holders.map((p) => (
            <option key={p.id} value={p.id}>
              {nameOf(p.id) ?? p.name}
            </option>
          ))}
        </select>
      </label>
      {holderId === OTHER && (
        <label className="poll-field">
          <span>{t("pollProxy.holderName")}</span>
          <input value={holderName} maxLength={60} onChange={(e) => setHolderName(e.target.value)} data-testid="poll-proxy-holder-name" />
        </label>
      )}
      <label className="poll-field">
        <span>{t("pollProxy.evidence")}</span>
        <textarea value={note} rows={2} maxLength={500} required onChange={(e) => setNote(e.target.value)} data-testid="poll-proxy-note" />
      </label>
      <label className="poll-field">
        <span>{t("pollProxy.photo")}</span>
        <input type="file" accept="image/*" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} data-testid="poll-proxy-photo" />
      </label>
      <div className="poll-buttons">
        <button type="button" className="ghost" onClick={onDone} data-testid="poll-proxy-cancel">
          {t("pollProxy.cancel")}
        </button>
        <button type="submit" className="primary" disabled={!ready || pending || uploading} data-testid="poll-proxy-submit">
          {t("pollProxy.record")}
        </button>
      </div>
    </form>
  );
}
