import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { useWords } from "../../i18n/words.ts";
import type { Link, Meeting, Participant } from "../types.ts";
import { copyText } from "../ui/clipboard.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { CheckIcon, ErrorLine } from "../ui/Feedback.tsx";
import { useSession } from "../session/session.ts";
import { ReissueRevokeButtons } from "../ui/ReissueRevokeButtons.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { PrintableQrDialog } from "./PrintableQrDialog.tsx";

type Open = null | "reissue" | "revoke" | { link: Link; notice: string | null };

/** 复制链接 · 显示二维码 · 重新生成 · 撤销 for one participant. */
export function LinkActions({
  meeting,
  participant,
  editable,
  onRevokedChange,
}: {
  meeting: Meeting;
  participant: Participant;
  editable: boolean;
  onRevokedChange: (revoked: boolean) => void;
}) {
  const { t } = useAdminT();
  const words = useWords(meeting.kind);
  const { account } = useSession();
  const [pending, setPending] = useState<null | "copy" | "qr">(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>(null);
  const name = participant.name;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    setPending("copy");
    setError(null);
    setCopied(false);
    try {
      const link = await api.link(meeting.id, participant.id);
      if (await copyText(link.url)) setCopied(true);
      else setOpen({ link, notice: t("errors.copyFailed") });
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };
  const showQr = async () => {
    setPending("qr");
    setError(null);
    try {
      setOpen({ link: await api.link(meeting.id, participant.id), notice: null });
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };
  const revoked = participant.linkRevoked === true;
  // Chairs and clerks may fetch only the link of the participant linked to their own account.
  if (!editable && participant.accountId !== account.id) return null;

  return (
    <div className="link-actions">
      <div className="link-buttons">
        <button
          type="button"
          className="compact"
          onClick={() => void copy()}
          disabled={pending !== null || revoked}
          aria-label={t("links.copyLabel", { name })}
          data-testid="copy-link"
        >
          {t("links.copy")}
        </button>
        <button
          type="button"
          className="compact"
          onClick={() => void showQr()}
          disabled={pending !== null || revoked}
          aria-label={t("links.qrLabel", { name })}
          data-testid="show-qr"
        >
          {t("links.qr")}
        </button>
        {editable && (
          <ReissueRevokeButtons
            revoked={revoked}
            reissueLabel={t("links.reissueLabel", { name })}
            revokeLabel={t("links.revokeLabel", { name })}
            onReissue={() => setOpen("reissue")}
            onRevoke={() => setOpen("revoke")}
          />
        )}
      </div>
      <span role="status" aria-live="polite" className="copied-slot">
        {copied && (
          <span className="admin-success" data-testid="copied">
            <CheckIcon /> {t("links.copied")}
          </span>
        )}
      </span>
      <ErrorLine error={error} />
      {open === "reissue" && (
        <ConfirmDialog
          title={t("links.reissueTitle")}
          text={t("links.reissueText", { name })}
          confirmLabel={t("links.reissueConfirm")}
          danger
          onClose={() => setOpen((o) => (o === "reissue" ? null : o))}
          onConfirm={async () => {
            const link = await api.reissueLink(meeting.id, participant.id);
            onRevokedChange(false);
            // Replaces the confirmation (whose onClose then leaves it alone).
            setOpen({ link, notice: t("links.reissued", { name }) });
          }}
        />
      )}
      {open === "revoke" && (
        <ConfirmDialog
          title={t("links.revokeTitle")}
          text={t("links.revokeText", { name })}
          confirmLabel={t("links.revokeConfirm")}
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await api.revokeLink(meeting.id, participant.id);
            onRevokedChange(true);
          }}
        />
      )}
      {open !== null && typeof open === "object" && (
        <PrintableQrDialog
          title={t("links.qrTitle", { name })}
          heading={meeting.title}
          subheading={[name, words.role(participant), participant.unit].filter(Boolean).join(" · ")}
          hint={t("links.scan")}
          note={t("links.personal")}
          link={open.link}
          notice={open.notice}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
