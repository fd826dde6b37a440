// Punctuation between the ledger's labels and values: full-width in Chinese, ASCII in English.
import { useAdminT } from "../ui/useAdminT.ts";

export function usePunct() {
  const { t } = useAdminT();
  const open = t("ledger.punct.open");
  const close = t("ledger.punct.close");
  return {
    colon: t("ledger.punct.colon"),
    semicolon: t("ledger.punct.semicolon"),
    /** Names in a list: 甲、乙 / A, B. */
    list: (names: string[]) => names.join(t("ledger.punct.list")),
    paren: (text: string) => `${open}${text}${close}`,
  };
}
