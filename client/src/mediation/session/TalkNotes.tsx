import { useEffect, useState } from "react";
import type { TalkNote } from "@core/protocol.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useConnection, useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useMediationSessionT } from "../../i18n/mediationSession.ts";

/** Notes by id, oldest first. */
const merged = (held: TalkNote[], more: TalkNote[]): TalkNote[] =>
  [...new Map([...held, ...more].map((note) => [note.noteId, note])).values()].sort((x, y) => x.at - y.at);

/**
 * 背靠背: the notes of the separate talks and (for mediators) the findings. Shown to the mediators and
 * to the party in the talk only (MediationSession decides); the server sends nothing to anyone else.
 */
export function TalkNotes({ mediator, inTalk }: { mediator: boolean; inTalk: boolean }) {
  const { t } = useMediationSessionT();
  const connection = useConnection();
  const { status } = useMeeting();
  const nameOf = useDisplayName();
  const time = useMeetingTime().time;
  const [notes, setNotes] = useState<TalkNote[]>([]);
  const [draft, setDraft] = useState("");
  const [kind, setKind] = useState<TalkNote["kind"]>("talk");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => connection.onTalkNoted((note) => setNotes((held) => merged(held, [note]))), [connection]);
  useEffect(() => {
    if (status !== "connected") return;
    let current = true;
    void connection.talkHistory().then((result) => current && result.ok && setNotes((held) => merged(held, result.notes)));
    return () => {
      current = false;
    };
  }, [connection, status]);
  const kinds: TalkNote["kind"][] = mediator ? (inTalk ? ["talk", "fact", "option"] : ["fact", "option"]) : ["talk"];
  const chosen = kinds.includes(kind) ? kind : kinds[0]!;
  const send = async () => {
    const text = draft.trim();
    if (text === "") return;
    const result = await connection.talkNote(text, chosen === "talk" ? undefined : chosen);
    if (!result.ok) return setError("localError" in result ? t("offline") : result.error.message[currentLanguage()]);
    setDraft("");
    setNotes((held) => merged(held, [result.note]));
  };
  return (
    <div data-testid="mediation-talk-notes">
      <h4>{t("notes")}</h4>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      <ol>
        {notes.map((note) => (
          <li key={note.noteId} data-testid="mediation-talk-note" data-kind={note.kind}>
            <span className="small muted">
              {t(`kind.${note.kind}`)} · {nameOf(note.authorId) ?? note.authorName} · {time(note.at)}
            </span>
            <p>{note.text}</p>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        {kinds.length > 1 && (
          <select
            aria-label={t("kindLabel")}
            value={chosen}
            onChange={(event) => setKind(event.target.value as TalkNote["kind"])}
            data-testid="mediation-note-kind"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
        <textarea
          aria-label={t("noteLabel")}
          rows={2}
          maxLength={2000}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          data-testid="mediation-note-input"
        />
        <button type="submit" disabled={draft.trim() === ""} data-testid="mediation-note-send">
          {t("send")}
        </button>
      </form>
    </div>
  );
}
