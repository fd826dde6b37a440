// The ledger's shapes on the wire (REST, docs/ledger.md), shared by the server and the browser.
import type { DeadlineFlag } from "./deadline.ts";
import type { InterjectionOutcome } from "../interjection/schema.ts";
import type { Attachment, LedgerAction, LedgerOrigin, LedgerRole, LedgerSource, LedgerState, Reply } from "./item.ts";

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
  /** A suggestion (意见建议; items entered or imported by staff too) or a meeting's decision (议定事项). */
  origin: LedgerOrigin;
  /** Imported items: the 来源 as the paper ledger wrote it when it is not 接待日 or 热线 (e.g. a meeting's name); else null. */
  sourceNote: string | null;
  /** Meeting items: the meeting, its agenda item and the entry (speech:…, interjection:…, written:…). */
  meetingId: string | null;
  meetingTitle: string | null;
  /** The record's suggestion or decision this item follows (one of them for meeting items). */
  suggestionId: string | null;
  decisionId: string | null;
  agendaItemTitle: string | null;
  entryKey: string | null;
  /** 提出人 and 界别 (a decision has none: "" and null) */
  raisedByName: string;
  sector: string | null;
  /** Items entered by staff: how to reach the person (phone), never shown to departments' peers. */
  contact: string | null;
  /** The date it was raised or received, YYYY-MM-DD (China time). */
  raisedOn: string;
  title: string;
  text: string;
  topic: string;
  /** The department the suggestion names, or a decision's 责任单位 (free text from the record), a hint for 交办. */
  suggestedDepartment: string;
  liveResponses: LiveResponse[];
  state: LedgerState;
  lead: Department | null;
  partners: Department[];
  /** 办理时限: set by 交办; a decision's 完成时限 (or an imported row's) while still new. */
  deadline: string | null;
  instructions: string;
  assignedAt: string | null;
  /** When it reached 办结 (closed, or withdrawn from the record); null while open. The dashboard's closed-by-month. */
  closedAt: string | null;
  replies: Reply[];
  supervisions: number;
  /** The community (社区) of a resident's, grid worker's or listening day's item. */
  communityId: string | null;
  /** 网格悄悄话: who raised it is the secretariat's to see; others read an empty name and no contact. */
  anonymous: boolean;
  /** 楼栋/单元 as the resident wrote it ("" when none). */
  location: string;
  /** A resident's photos (re-encoded JPEG, no EXIF), downloadable by staff who see the item. */
  photos: Attachment[];
  /** 提交议事会: the council meeting the item was put before. */
  councilMeetingId: string | null;
  /** 逾期 / 临期 at the server's clock when the response was made. */
  flag: DeadlineFlag | null;
  /** Optimistic concurrency: send it back as baseVersion with an action. */
  version: number;
  createdAt: string;
}

/** POST /api/ledger/import: every row's verdict and the report (refusals and warnings), in both languages. */
export interface LedgerImportResult {
  dryRun: boolean;
  /** Rows taken (entered, or to be entered by the import after a dry run). */
  imported: number;
  refused: number;
  /** Every data row of the file: its line, taken or refused, the title, the state it enters with, its 序号 once entered. */
  rows: { row: number; status: "taken" | "refused"; title: string; state: LedgerState | null; number: number | null }[];
  /** Why rows are refused, and the warnings (`warning: true`) to confirm, by row (0: the file). */
  report: { row: number; field?: string; code: string; message: { zh: string; en: string }; warning?: true }[];
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
