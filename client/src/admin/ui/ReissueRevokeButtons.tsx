import { useAdminT } from "./useAdminT.ts";

/** 重新生成 and 撤销 of a link (a person's or one of the room's); the caller confirms and acts. */
export function ReissueRevokeButtons({
  revoked,
  reissueLabel,
  revokeLabel,
  onReissue,
  onRevoke,
}: {
  revoked: boolean;
  reissueLabel: string;
  revokeLabel: string;
  onReissue: () => void;
  onRevoke: () => void;
}) {
  const { t } = useAdminT();
  return (
    <>
      <button type="button" className="compact" onClick={onReissue} aria-label={reissueLabel} data-testid="reissue-link">
        {t("links.reissue")}
      </button>
      <button type="button" className="compact danger" onClick={onRevoke} disabled={revoked} aria-label={revokeLabel} data-testid="revoke-link">
        {t("links.revoke")}
      </button>
    </>
  );
}
