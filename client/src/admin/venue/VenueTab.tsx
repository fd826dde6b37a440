import { useCallback, useState } from "react";
import { venueTerminalUrl } from "@core/venue/terminalLink.ts";
import { api } from "../api.ts";
import { PrintableQrDialog } from "../roster/PrintableQrDialog.tsx";
import { useSession } from "../session/session.ts";
import type { Link, MeetingKind, Participant } from "../types.ts";
import { CopyField } from "../ui/CopyField.tsx";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { useWords } from "../../i18n/words.ts";

/** 会场: the room display link, the check-in QR code, and 进入会议 for linked staff. */
export function VenueTab({ meetingId, meetingTitle, kind, participants }: { meetingId: string; meetingTitle: string; kind: MeetingKind; participants: Participant[] }) {
  const { t } = useAdminT();
  const display = useResource(useCallback(() => api.displayLink(meetingId), [meetingId]));
  const checkin = useResource(useCallback(() => api.checkinLink(meetingId), [meetingId]));
  return (
    <div className="venue-tab">
      <EnterMeeting meetingId={meetingId} kind={kind} participants={participants} />
      <div className="venue-grid">
        <VenueLink
          title={t("venue.display")}
          hint={t("venue.displayHint")}
          link={display.data}
          error={display.error}
          onRetry={display.reload}
          testId="display-link"
          meetingTitle={meetingTitle}
          printable={false}
          withTerminal
        />
        <VenueLink
          title={t("venue.checkin")}
          hint={t("venue.checkinHint")}
          link={checkin.data}
          error={checkin.error}
          onRetry={checkin.reload}
          testId="checkin-link"
          meetingTitle={meetingTitle}
          printable
        />
      </div>
    </div>
  );
}

function VenueLink({
  title,
  hint,
  link,
  error,
  onRetry,
  testId,
  meetingTitle,
  printable,
  withTerminal = false,
}: {
  title: string;
  hint: string;
  link: Link | undefined;
  error: unknown;
  onRetry: () => void;
  testId: string;
  meetingTitle: string;
  printable: boolean;
  /** Also the venue terminal's variant of the link (the display that publishes the room). */
  withTerminal?: boolean;
}) {
  const { t } = useAdminT();
  const [printing, setPrinting] = useState(false);
  return (
    <section className="admin-card venue-link" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted small">{hint}</p>
      <ErrorLine error={error} onRetry={onRetry} />
      {!link && !error && <Loading />}
      {link && (
        <>
          <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} alt={title} width={200} height={200} />
          <CopyField label={t("links.url")} value={link.url} openable />
          {withTerminal && (
            <>
              <CopyField label={t("venue.terminal")} value={venueTerminalUrl(link.url)} openable testId="venue-terminal-link" />
              <p className="muted small">{t("venue.terminalHint")}</p>
            </>
          )}
          {printable && (
            <button type="button" onClick={() => setPrinting(true)}>
              {t("common.print")}
            </button>
          )}
          {printing && (
            <PrintableQrDialog title={title} heading={meetingTitle} subheading={title} hint={hint} link={link} onClose={() => setPrinting(false)} />
          )}
        </>
      )}
    </section>
  );
}

/** Staff accounts linked to a participant of this meeting (chair, clerk) open their own link. */
function EnterMeeting({ meetingId, kind, participants }: { meetingId: string; kind: MeetingKind; participants: Participant[] }) {
  const { t } = useAdminT();
  const words = useWords(kind);
  const { account } = useSession();
  const mine = participants.filter((p) => p.accountId === account.id);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const enter = async (participant: Participant) => {
    // Open the window now, inside the click: a window opened after the await would be blocked.
    const win = window.open("about:blank", "_blank");
    setPending(participant.id);
    setError(null);
    try {
      const { url } = await api.link(meetingId, participant.id);
      if (win) {
        win.opener = null;
        win.location.href = url;
      } else {
        setNotice(t("venue.popupBlocked"));
        window.location.assign(url);
      }
    } catch (e) {
      win?.close();
      setError(e);
    } finally {
      setPending(null);
    }
  };

  if (mine.length === 0) {
    return (
      <p className="muted small" data-testid="enter-meeting-none">
        {t("venue.notLinked")}
      </p>
    );
  }
  return (
    <section className="admin-card enter-meeting" data-testid="enter-meeting">
      <h2>{t("venue.enter")}</h2>
      <p className="muted">{t("venue.enterHint")}</p>
      <div className="button-row">
        {mine.map((p) => (
          <button key={p.id} type="button" className="primary" onClick={() => void enter(p)} disabled={pending !== null} data-testid="enter-as">
            {t("venue.enterAs", { name: p.name, role: words.role(p) })}
          </button>
        ))}
      </div>
      {notice && <p className="note">{notice}</p>}
      <ErrorLine error={error} />
    </section>
  );
}
