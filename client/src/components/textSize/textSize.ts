// 字号: larger text for older members, chosen per device. The root font size becomes a share of
// the browser's own (a percentage, so the browser's text-size setting and zoom still apply on top),
// and the screens, sized in rem, grow with it.

export const TEXT_SIZES = ["standard", "large", "largest"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const STORAGE_KEY = "yst.textSize";
const PERCENT: Record<TextSize, number> = { standard: 100, large: 125, largest: 150 };

/** The size a stored value stands for: standard for anything unknown (or nothing stored). */
export const textSizeOf = (stored: string | null): TextSize => TEXT_SIZES.find((size) => size === stored) ?? "standard";

/** The root font size of a text size, in percent of the browser's own. */
export const percentOf = (size: TextSize): number => PERCENT[size];

export const storedTextSize = (): TextSize => textSizeOf(localStorage.getItem(STORAGE_KEY));

/** Applies `size` to the page (standard leaves the browser's own size alone). */
export function applyTextSize(size: TextSize): void {
  document.documentElement.style.fontSize = size === "standard" ? "" : `${percentOf(size)}%`;
}

/** Chooses `size` on this device and applies it. */
export function setTextSize(size: TextSize): void {
  localStorage.setItem(STORAGE_KEY, size);
  applyTextSize(size);
}
