import type { accessZh } from "./access.zh.ts";

export const accessEn: typeof accessZh = {
  landmarks: {
    chairLeft: "Agenda and minutes",
    side: "Room tools",
  },
  textSize: {
    label: "Text size",
    standard: "Standard",
    large: "Large",
    largest: "Largest",
  },
};
