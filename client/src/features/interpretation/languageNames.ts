// The language of an interpretation is typed by the chair (英语, 维吾尔语, English): shown as typed,
// except that the usual ones read in the page's language (传译（英语）, Interpretation (English)).
import type { Language } from "../../i18n/i18n.ts";

/** Chinese and English names of the languages most often interpreted into (少数民族语言 and foreign). */
const NAMES: readonly (readonly [zh: string, en: string])[] = [
  ["普通话", "Mandarin"],
  ["英语", "English"],
  ["维吾尔语", "Uyghur"],
  ["藏语", "Tibetan"],
  ["蒙古语", "Mongolian"],
  ["哈萨克语", "Kazakh"],
  ["朝鲜语", "Korean"],
  ["壮语", "Zhuang"],
  ["彝语", "Yi"],
  ["粤语", "Cantonese"],
  ["手语", "Sign language"],
  ["日语", "Japanese"],
  ["韩语", "Korean"],
  ["俄语", "Russian"],
  ["法语", "French"],
  ["德语", "German"],
  ["西班牙语", "Spanish"],
  ["阿拉伯语", "Arabic"],
  ["葡萄牙语", "Portuguese"],
];

/** Suggestions for the chair's language field, in the page's language. */
export const SUGGESTED_LANGUAGES = (lng: Language): string[] => NAMES.slice(1, 8).map(([zh, en]) => (lng === "zh" ? zh : en));

/** The language as the page's language names it; anything else as the chair typed it. */
export function languageLabel(language: string, lng: Language): string {
  const typed = language.trim().toLowerCase();
  const known = NAMES.find(([zh, en]) => zh === typed || en.toLowerCase() === typed);
  return known ? known[lng === "zh" ? 0 : 1] : language;
}
