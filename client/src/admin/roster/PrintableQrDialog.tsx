import { formatJoinCode } from "@core/links/joinCode.ts";
import type { Link } from "../types.ts";
import { CopyField } from "../ui/CopyField.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { useAdminT } from "../ui/useAdminT.ts";

/**
 * A QR code with its heading, ready to print (the rest of the page is hidden in print). The QR code
 * carries the short link (/j/<code>) when the link has a join code, and the code is shown under it.
 */
export function PrintableQrDialog({
  title,
  heading,
  subheading,
  hint,
  note,
  link,
  notice,
  onClose,
}: {
  title: string;
  heading: string;
  subheading?: string;
  hint: string;
  note?: string;
  link: Link;
  notice?: string | null;
  onClose: () => void;
}) {
  const { t } = useAdminT();
  // An <img> of the server's SVG: displayed and printed, never executed as markup.
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="printable qr-dialog"
      testId="qr-dialog"
      actions={
        <>
          <button type="button" onClick={() => window.print()}>
            {t("common.print")}
          </button>
          <button type="button" className="primary" onClick={onClose} data-autofocus>
            {t("common.close")}
          </button>
        </>
      }
    >
      {notice && <p className="note">{notice}</p>}
      <div className="print-area">
        <p className="print-heading">{heading}</p>
        {subheading && <p className="print-subheading">{subheading}</p>}
        <img className="qr" src={src} alt={title} width={240} height={240} data-testid="qr-image" />
        <p className="print-hint">{hint}</p>
        {link.code && (
          <p className="print-code">
            <span className="print-code-label">{t("links.code")}</span>{" "}
            <span className="join-code-text" data-testid="join-code-text">
              {formatJoinCode(link.code)}
            </span>
            <br />
            <span className="print-code-hint">{t("links.codeHint")}</span>
          </p>
        )}
        {note && <p className="print-note">{note}</p>}
      </div>
      {link.shortUrl && <CopyField label={t("links.shortUrl")} value={link.shortUrl} testId="short-url" />}
      <CopyField label={t("links.url")} value={link.url} testId="link-url" />
    </Dialog>
  );
}
