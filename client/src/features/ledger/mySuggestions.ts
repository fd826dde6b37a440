// The member's own suggestions in the follow-up ledger (我的建议, docs/ledger.md#the-member):
// pure helpers for the screen: the step indicator, when the rating form shows, refused ratings.
// The REST calls are in mySuggestionsApi.ts.
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { LEDGER_STATES, type LedgerState, type Reply } from "@core/ledger/item.ts";

/** How often an open 我的建议 tab asks again (the ledger changes over days, not seconds). */
export const REFRESH_MS = 30_000;

/** The steps of the indicator, in order: 待交办 → 已交办 → 办理中 → 已反馈 → 办结. */
export const STEPS: readonly LedgerState[] = LEDGER_STATES;

/** The position of `state` on the indicator (0 待交办 … 4 办结). */
export const stepIndex = (state: LedgerState): number => STEPS.indexOf(state);

export type StepStatus = "done" | "current" | "todo" | "skipped";

/**
 * Each step's status for an item in `state`: before it done, itself current, after it to do. A
 * closed item is done throughout — except one closed without ever being assigned (withdrawn from
 * the record, 不予交办), which skipped 已交办, 办理中 and 已反馈.
 */
export function stepStatuses(state: LedgerState, unassignedClose = false): { step: LedgerState; status: StepStatus }[] {
  const at = stepIndex(state);
  return STEPS.map((step, i) => {
    if (state === "closed") return { step, status: unassignedClose && step !== "new" && step !== "closed" ? "skipped" : "done" };
    return { step, status: i < at ? "done" : i === at ? "current" : "todo" };
  });
}

/** The reply the member rates: the latest one (earlier ones were sent back, 退回). */
export const latestReply = (item: Pick<LedgerItemJson, "replies">): Reply | null => item.replies.at(-1) ?? null;

/**
 * Whether the rating form shows: the item is answered (or closed after an answer) and its latest
 * reply is not rated yet. After 退回 the item is 办理中 again and waits for a new reply.
 */
export function canRate(item: Pick<LedgerItemJson, "state" | "replies">): boolean {
  const reply = latestReply(item);
  return (item.state === "answered" || item.state === "closed") && reply !== null && reply.rating === null;
}

/** Closed without ever being assigned: withdrawn from the record, or not taken up (不予交办, 并案). */
export const closedUnassigned = (item: Pick<LedgerItemJson, "state" | "lead" | "replies">): boolean =>
  item.state === "closed" && !item.lead && item.replies.length === 0;

/** The i18n key for a refused rating whose code the screen explains itself, else null (the server's message). */
export function ratingErrorKey(code: string): string | null {
  switch (code) {
    case "EDIT_CONFLICT":
      return "mySuggestions.errorConflict";
    case "LEDGER_ALREADY_RATED":
      return "mySuggestions.errorRated";
    case "LEDGER_BAD_STATE":
      return "mySuggestions.errorState";
    case "NETWORK":
      return "mySuggestions.errorNetwork";
    default:
      return null;
  }
}

/** Whether a refused rating means the item changed underneath: then the list is read again. */
export const reloadAfter = (code: string): boolean => code === "EDIT_CONFLICT" || code === "LEDGER_ALREADY_RATED" || code === "LEDGER_BAD_STATE";

/** In the order they were raised in the meeting (序号), as the member remembers them. */
export const sortForMember = (items: readonly LedgerItemJson[]): LedgerItemJson[] => [...items].sort((a, b) => a.number - b.number);
