import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { DeviceChoice } from "./devices.ts";

/**
 * One device choice: 默认 (the browser's default, stored as undefined) and each device.
 * A saved device that is not plugged in shows as 默认, which is what will be used.
 */
export function DeviceSelect({
  label,
  choices,
  value,
  unnamed,
  onChange,
  testId,
}: {
  label: string;
  choices: DeviceChoice[];
  value: string | undefined;
  /** The name of the n-th device while the browser hides names. */
  unnamed: (n: number) => string;
  onChange: (deviceId: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const selected = choices.some((c) => c.id === value) ? value : "";
  return (
    <div className="device-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={selected} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <option value="">{t("mediaSettings.default")}</option>
        {choices.map((c, i) => (
          <option key={c.id} value={c.id}>
            {c.label || unnamed(i + 1)}
          </option>
        ))}
      </select>
    </div>
  );
}
