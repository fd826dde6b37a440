import { useTranslation } from "react-i18next";
import type { SpeechKind } from "@core/queue/schema.ts";
import "./speaking.css";

/** 预约 / 即席 / 程序性 / 书面: the kind of a speech, in words (never colour alone). */
export function KindBadge({ kind }: { kind: SpeechKind | "written" | "interjection" }) {
  const { t } = useTranslation();
  return (
    <span className={`kind-badge kind-${kind}`} title={t(`speaking.kindFull.${kind}`)} data-testid="kind-badge" data-kind={kind}>
      {t(`speaking.kind.${kind}`)}
    </span>
  );
}

/** 来宾: an in-room guest put in line by name. */
export function GuestChip() {
  const { t } = useTranslation();
  return <span className="chip chip-guest">{t("speaking.guest")}</span>;
}
