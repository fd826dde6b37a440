// Pure helpers of the speaking-plan tab: the plan grouped by agenda item in planned order, and
// the whole order after moving one entry within its group (what PUT /plan/order takes).
import type { AgendaItem, PlannedSpeech } from "../types.ts";

export interface PlanGroup {
  /** null: entries without an agenda item (they join the queue when the meeting opens). */
  itemId: string | null;
  entries: PlannedSpeech[];
}

/** Entries without an item first, then one group per agenda item in agenda order. */
export function groupPlan(plan: readonly PlannedSpeech[], agenda: readonly AgendaItem[]): PlanGroup[] {
  const known = new Set(agenda.map((item) => item.id));
  const byPosition = [...plan].sort((a, b) => a.position - b.position);
  const groups: PlanGroup[] = [{ itemId: null, entries: byPosition.filter((p) => p.agendaItemId === null || !known.has(p.agendaItemId)) }];
  for (const item of agenda) groups.push({ itemId: item.id, entries: byPosition.filter((p) => p.agendaItemId === item.id) });
  return groups;
}

/** Every entry's id in displayed order, with `id` moved by `delta` places inside its group. */
export function movedOrder(groups: readonly PlanGroup[], id: string, delta: -1 | 1): string[] {
  return groups.flatMap((group) => {
    const ids = group.entries.map((p) => p.id);
    const index = ids.indexOf(id);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= ids.length) return ids;
    ids.splice(index, 1);
    ids.splice(target, 0, id);
    return ids;
  });
}
