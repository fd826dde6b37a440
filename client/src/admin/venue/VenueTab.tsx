import { useCallback, useState, type ReactNode } from "react";
import type { RoomLinkKind } from "@core/venue/roomLinks.ts";
import { Icon } from "../../components/Icon.tsx";
import { api, HttpError } from "../api.ts";
import { PrintableQrDialog } from "../roster/PrintableQrDialog.tsx";
import { useSession } from "../session/session.ts";
import type { Link, MeetingKind, Participant } from "../types.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { CopyField } from "../ui/CopyField.tsx";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { ReissueRevokeButtons } from "../ui/ReissueRevokeButtons.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { useWords } from "../../i18n/words.ts";

/**
 * 会场: the room display's and the venue terminal's links (re-issued and revoked by organisers,
 * like personal links), the check-in QR code, and 进入会议 for linked staff.
 */
export function VenueTab({
  meetingId,
  meetingTitle,
  kind,
  participants,
  editable,
}: {
  meetingId: string;
  meetingTitle: string;
  kind: MeetingKind;
  participants: Participant[];
  /** Organisers and admins re-issue and revoke the room's links. */
  editable: boolean;
}) {
  const { t } = useAdminT();
  const checkin = useResource(useCallback(() => api.checkinLink(meetingId), [meetingId]));
  return (
    <div className="venue-tab">
      <EnterMeeting meetingId={meetingId} kind={kind} participants={participants} />
      <div className="venue-grid">
        <RoomLinkCard meetingId={meetingId} kind="display" meetingTitle={meetingTitle} editable={editable} />
        <RoomLinkCard meetingId={meetingId} kind="venue" meetingTitle={meetingTitle} editable={editable} />
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

const ROOM_LINK = {
  display: { title: "venue.display", hint: "venue.displayHint", testId: "display-link" },
  venue: { title: "venue.terminal", hint: "venue.terminalHint", testId: "venue-link" },
} as const;

/** One of the room's links with 重新生成 and 撤销; null data means revoked (LINK_REVOKED). */
function RoomLinkCard({ meetingId, kind, meetingTitle, editable }: { meetingId: string; kind: RoomLinkKind; meetingTitle: string; editable: boolean }) {
  const { t } = useAdminT();
  const { title: titleKey, hint, testId } = ROOM_LINK[kind];
  const title = t(titleKey);
  const link = useResource(
    useCallback(
      () => api.roomLink(meetingId, kind).catch((e: unknown) => (e instanceof HttpError && e.code === "LINK_REVOKED" ? null : Promise.reject(e))),
      [meetingId, kind],
    ),
  );
  const [open, setOpen] = useState<null | "reissue" | "revoke">(null);
  const [done, setDone] = useState<string | null>(null);
  const revoked = link.data === null;
  return (
    <VenueLink
      title={title}
      hint={t(hint)}
      link={link.data ?? undefined}
      revoked={revoked}
      error={link.error}
      onRetry={link.reload}
      testId={testId}
      meetingTitle={meetingTitle}
      printable={false}
    >
      {revoked && (
        <span className="badge badge-warn" data-testid="room-link-revoked">
          <Icon name="warning" /> {t("venue.revoked")}
        </span>
      )}
      {editable && link.data !== undefined && (
        <div className="link-buttons">
          <ReissueRevokeButtons
            revoked={revoked}
            reissueLabel={t("venue.reissueTitle", { link: title })}
            revokeLabel={t("venue.revokeTitle", { link: title })}
            onReissue={() => setOpen("reissue")}
            onRevoke={() => setOpen("revoke")}
          />
        </div>
      )}
      <SuccessLine text={done} />
      {open === "reissue" && (
        <ConfirmDialog
          title={t("venue.reissueTitle", { link: title })}
          text={t("venue.reissueText", { link: title })}
          confirmLabel={t("links.reissueConfirm")}
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const fresh = await api.reissueRoomLink(meetingId, kind);
            link.set(() => fresh);
            setDone(t("venue.reissued", { link: title }));
          }}
        />
      )}
      {open === "revoke" && (
        <ConfirmDialog
          title={t("venue.revokeTitle", { link: title })}
          text={t("venue.revokeText", { link: title })}
          confirmLabel={t("links.revokeConfirm")}
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await api.revokeRoomLink(meetingId, kind);
            link.set(() => null);
            setDone(null);
          }}
        />
      )}
    </VenueLink>
  );
}

function VenueLink({
  title,
  hint,
  link,
  revoked = false,
  error,
  onRetry,
  testId,
  meetingTitle,
  printable,
  children,
}: {
  title: string;
  hint: string;
  link: Link | undefined;
  /** No link to show: it was revoked (the children say so). */
  revoked?: boolean;
  error: unknown;
  onRetry: () => void;
  testId: string;
  meetingTitle: string;
  printable: boolean;
  /** Below the link: its state and actions. */
  children?: ReactNode;
}) {
  const { t } = useAdminT();
  const [printing, setPrinting] = useState(false);
  return (
    <section className="admin-card venue-link" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted small">{hint}</p>
      <ErrorLine error={error} onRetry={onRetry} />
      {!link && !revoked && !error && <Loading />}
      {link && (
        <>
          <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} alt={title} width={200} height={200} />
          <CopyField label={t("links.url")} value={link.url} openable testId={`${testId}-url`} />
          {printable && (
            <button type="button" onClick={() => setPrinting(true)}>
              {t("common.print")}
            </button>
          )}
          {printing && <PrintableQrDialog title={title} heading={meetingTitle} subheading={title} hint={hint} link={link} onClose={() => setPrinting(false)} />}
        </>
      )}
      {children}
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
