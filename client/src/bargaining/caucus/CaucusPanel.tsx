import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Side } from "@core/bargaining/schema.ts";
import type { CaucusNote } from "@core/protocol.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import type { CaucusResult } from "../../connection/meetingConnection.ts";
import { useConnection, useDisplayName, useMeeting, useRoster } from "../../connection/useMeeting.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { CaucusAudioControl } from "./CaucusAudioControl.tsx";
import { inCaucus, mergeNotes, NOTE_MAX_CHARS, sendable } from "./caucusNotes.ts";
import "./caucusPanel.css";

export interface CaucusPanelProps {
  /** The meeting of the page's connection (the panel shows nothing for another one). */
  meetingId: string;
  /**
   * The side consulting (背靠背). The panel shows only to that side's members — a representative,
   * or a chief presiding as chair, with that side on the live roster — and renders nothing for
   * anyone else; the server refuses them anyway and never sends them a note.
   */
  side: Side;
}

/**
 * 内部协商: a bargaining side's private notes (the own side's list, oldest first, and a box to
 * write to the side). Notes come from `caucus.history` on every (re)connect and as `caucus.noted`
 * while connected; they are never part of the meeting's state or record. Placed by the bargaining
 * table (client/src/bargaining/table) while the side consults.
 */
export function CaucusPanel({ meetingId, side }: CaucusPanelProps) {
  const { t } = useTranslation();
  const connection = useConnection();
  const { status, welcome } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const time = useMeetingTime().time;
  const inputId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [notes, setNotes] = useState<CaucusNote[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [draft, setDraft] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The live roster's entry: the organisers may move a person to the other side during the meeting.
  const me = welcome ? (person(welcome.me.id) ?? welcome.me) : null;
  const member = welcome !== null && me !== null && welcome.meeting.id === meetingId && inCaucus(me, side, welcome.display);
  const failed = (result: Exclude<CaucusResult<unknown>, { ok: true }>) =>
    setError("localError" in result ? t(`error.${result.localError}`) : result.error.message[currentLanguage()]);

  useEffect(() => {
    if (!member) return;
    return connection.onCaucusNoted((note) => setNotes((held) => mergeNotes(held, [note], side)));
  }, [connection, member, side]);

  // On every (re)connect and every new welcome (the roster changed who I am): what was missed meanwhile.
  useEffect(() => {
    if (!member || status !== "connected") return;
    let current = true;
    void connection.caucusHistory().then((result) => {
      if (!current) return;
      if (!result.ok) return failed(result);
      setNotes((held) => mergeNotes(held, result.notes, side));
      setLoaded(true);
    });
    return () => {
      current = false;
    };
    // `failed` only reads the language at the time of the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection, member, side, status, welcome]);

  const shown = notes.filter((note) => note.side === side);
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [shown.length]);

  if (!member || !me) return null;
  const text = sendable(draft);
  const send = async () => {
    if (text === null || pending) return;
    setPending(true);
    setError(null);
    const result = await connection.caucusNote(text);
    setPending(false);
    if (!result.ok) return failed(result);
    setDraft("");
    setNotes((held) => mergeNotes(held, [result.note], side));
  };
  const sideName = t(`bargaining.side.${side}`);

  return (
    <section className="caucus-panel" aria-label={t("caucus.title", { side: sideName })} data-testid="caucus-panel" data-side={side}>
      <h3>{t("caucus.title", { side: sideName })}</h3>
      <p className="small muted">{t("caucus.private")}</p>
      <CaucusAudioControl />
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {shown.length === 0 ? (
        <p className="small muted" data-testid="caucus-empty">
          {t(loaded ? "caucus.empty" : "caucus.loading")}
        </p>
      ) : (
        <ol className="caucus-notes" ref={listRef} data-testid="caucus-notes">
          {shown.map((note) => (
            <li key={note.noteId} className={note.authorId === me.id ? "caucus-note mine" : "caucus-note"} data-testid="caucus-note">
              <p className="caucus-note-by small muted">
                {t("caucus.by", { name: note.authorId === me.id ? t("caucus.mine") : (nameOf(note.authorId) ?? note.authorName), time: time(note.at) })}
              </p>
              <p className="caucus-note-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="caucus-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor={inputId} className="small">
          {t("caucus.label")}
        </label>
        <textarea
          id={inputId}
          rows={3}
          maxLength={NOTE_MAX_CHARS}
          value={draft}
          placeholder={t("caucus.placeholder")}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter alone confirms the input method's candidate (拼音): only Ctrl/⌘ + Enter sends.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void send();
            }
          }}
          data-testid="caucus-input"
        />
        <div className="caucus-form-foot">
          <span className="small muted">
            {t("caucus.count", { count: [...draft.trim()].length, max: NOTE_MAX_CHARS })} · {t("caucus.sendHint")}
          </span>
          <button type="submit" className="primary" disabled={text === null || pending} data-testid="caucus-send">
            {pending ? t("pending") : t("caucus.send")}
          </button>
        </div>
      </form>
    </section>
  );
}
