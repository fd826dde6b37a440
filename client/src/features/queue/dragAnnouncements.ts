import { useRef } from "react";
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import { useTranslation } from "react-i18next";

/**
 * What the chair's screen reader hears while reordering the queue by keyboard (or pointer): the
 * person's name and places (第 2 位，共 5 位), in the page's language — never the entries' ids
 * (dnd-kit's defaults speak English and ids). `nameOf` and `indexOf` read the queue by participant id.
 */
export function useDragAnnouncements(
  total: number,
  nameOf: (id: string) => string,
  indexOf: (id: string) => number,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const { t } = useTranslation();
  // The place last said: a drag starts over its own place, which the pick-up already says.
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const at = (id: UniqueIdentifier) => ({ name: nameOf(String(id)), position: indexOf(String(id)) + 1, total });
  const to = (active: UniqueIdentifier, over: UniqueIdentifier) => ({ ...at(over), name: nameOf(String(active)) });
  return {
    announcements: {
      onDragStart: ({ active }) => {
        lastOver.current = active.id;
        return t("feedback.drag.pickedUp", at(active.id));
      },
      onDragOver: ({ active, over }) => {
        if ((over?.id ?? null) === lastOver.current) return undefined;
        lastOver.current = over?.id ?? null;
        return over ? t("feedback.drag.over", to(active.id, over.id)) : t("feedback.drag.outside", at(active.id));
      },
      onDragEnd: ({ active, over }) => (over ? t("feedback.drag.dropped", to(active.id, over.id)) : t("feedback.drag.droppedOutside", at(active.id))),
      onDragCancel: ({ active }) => t("feedback.drag.cancelled", at(active.id)),
    },
    screenReaderInstructions: { draggable: t("feedback.drag.instructions") },
  };
}
