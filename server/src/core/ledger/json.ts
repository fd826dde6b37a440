// The ledger's shapes on the wire (REST, docs/ledger.md), shared by the server and the browser.
import type { DeadlineFlag } from "./deadline.ts";
import type { InterjectionOutcome } from "../state.ts";
import type { LedgerAction, LedgerRole, LedgerSource, LedgerState, Reply } from "./item.ts";

export interface Department {
  id: string;
  name: string;
  disabled: boolean;
}

/** An official's live response to the speech the suggestion came from (插话回应). */
export interface LiveResponse {
  name: string;
  unit: string | null;
  outcome: InterjectionOutcome | null;
  point: string;
}

export interface LedgerItemJson {
  id: string;
  /** 序号: 1, 2, … in the order items entered the ledger. */
  number: number;
  source: LedgerSource;
  /** Meeting items: the meeting, its agenda item and the entry (speech:…, interjection:…, written:…). */
  meetingId: string | null;
  meetingTitle: string | null;
  suggestionId: string | null;
  agendaItemTitle: string | null;
  entryKey: string | null;
  /** 提出人 and 界别 */
  raisedByName: string;
  sector: string | null;
  /** Items entered by staff: how to reach the person (phone), never shown to departments' peers. */
  contact: string | null;
  /** The date it was raised or received, YYYY-MM-DD (China time). */
  raisedOn: string;
  title: string;
  text: string;
  topic: string;
  /** The department the suggestion names (free text from the record), a hint for 交办. */
  suggestedDepartment: string;
  liveResponses: LiveResponse[];
  state: LedgerState;
  lead: Department | null;
  partners: Department[];
  deadline: string | null;
  instructions: string;
  assignedAt: string | null;
  /** When it reached 办结 (closed, or withdrawn from the record); null while open. The dashboard's closed-by-month. */
  closedAt: string | null;
  replies: Reply[];
  supervisions: number;
  /** 逾期 / 临期 at the server's clock when the response was made. */
  flag: DeadlineFlag | null;
  /** Optimistic concurrency: send it back as baseVersion with an action. */
  version: number;
  createdAt: string;
}

export interface LedgerStepJson {
  seq: number;
  action: LedgerAction;
  byRole: LedgerRole;
  byName: string;
  at: string;
  from: LedgerState;
  to: LedgerState;
}
