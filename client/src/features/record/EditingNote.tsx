import { useTranslation } from "react-i18next";

/** 李记录员 正在编辑: who else is editing this note now. */
export function EditingNote({ people, compact = false }: { people: string[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <span className={`editing-note${compact ? " compact" : ""}`} data-testid="editing-note" title={t("notes.editing", { names: people.join(t("punct.list")) })}>
      <span aria-hidden="true">✎</span> {compact ? people.join(t("punct.list")) : t("notes.editing", { names: people.join(t("punct.list")) })}
    </span>
  );
}
