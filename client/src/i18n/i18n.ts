import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

export type Language = "zh" | "en";
const STORAGE_KEY = "yst.lang";

const stored = localStorage.getItem(STORAGE_KEY);
const initial: Language = stored === "en" ? "en" : "zh";

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initial,
  fallbackLng: "zh",
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initial === "zh" ? "zh-CN" : "en";

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  void i18next.changeLanguage(language);
}

export const currentLanguage = (): Language => (i18next.language === "en" ? "en" : "zh");
