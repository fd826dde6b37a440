// Text that lost characters on its way into a file. Excel saving a sheet as CSV in GBK ("ANSI" on
// Chinese Windows) replaces every character GBK lacks with "?" — 王䶮 becomes 王? — and a failed
// decoding elsewhere leaves U+FFFD (�). Neither can be undone here, so an import does not take
// such text silently: the row gets a warning that the organiser must confirm (or fix the file).
// Names and other short fields never contain "?"; in long free text (a question, a reply) only
// U+FFFD is a sure sign, since "?" may be meant.

export type LossyReason = "questionMark" | "replacement";

/** Why `value` looks like it lost characters, or null. `short`: a name, unit, sector or the like. */
export function lossyText(value: string, kind: "short" | "long"): LossyReason | null {
  if (value.includes("\ufffd")) return "replacement";
  if (kind === "short" && value.includes("?")) return "questionMark";
  return null;
}

/** The warning's text after "第 N 行：" / "Row N: ", naming the field and the value. */
export function lossyMessage(field: { zh: string; en: string }, value: string, reason: LossyReason): { zh: string; en: string } {
  const cut = [...value].length > 40 ? [...value].slice(0, 40).join("") : null;
  const shown = cut === null ? value : `${cut}…`;
  const shownEn = cut === null ? value : `${cut}...`;
  return reason === "questionMark"
    ? {
        zh: `「${field.zh}」“${shown}”中的“?”可能是丢失的字（以 GBK 等编码保存时，编码里没有的字会被替换成“?”，如“王䶮”变成“王?”）；请核对原文，或在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新导入`,
        en: `the "?" in the ${field.en} "${shownEn}" may be a lost character (saving as GBK replaces characters it lacks with "?", e.g. 王䶮 becomes 王?); check the original, or save the file as "CSV UTF-8" or .xlsx and import it again`,
      }
    : {
        zh: `「${field.zh}」“${shown}”中含有无法识别的字符“\ufffd”（文件转换时丢失了字）；请核对原文后重新导入`,
        en: `the ${field.en} "${shownEn}" contains the replacement character "\ufffd" (characters were lost converting the file); check the original and import it again`,
      };
}
