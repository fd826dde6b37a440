import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { TEXT_SIZES, setTextSize, storedTextSize, type TextSize } from "./textSize.ts";
import "./textSize.css";

/** 字号 标准 / 大 / 特大 in the top bar: a plain select, easy to reach and to read out. */
export function TextSizeSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [size, setSize] = useState<TextSize>(storedTextSize);
  const choose = (next: TextSize) => {
    setTextSize(next);
    setSize(next);
  };
  return (
    <span className="text-size">
      <label htmlFor={id}>{t("access.textSize.label")}</label>
      <select id={id} value={size} onChange={(e) => choose(e.target.value as TextSize)} data-testid="text-size">
        {TEXT_SIZES.map((option) => (
          <option key={option} value={option}>
            {t(`access.textSize.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
