// 居民点单 (docs/community.md): what a resident raises through the community's public link, and
// what their receipt (回执) shows them. Pure and shared: the server builds the receipt view with
// `receiptView`, the browser shows it; nothing in it names who raised the item or how to reach
// them, so a receipt (or a grid worker's look at it) never shows a resident's contact.
import type { LedgerItemJson } from "../ledger/json.ts";
import type { Rating, LedgerState } from "../ledger/item.ts";

/** The categories a resident picks from, each the item's topic (主题) in the ledger. */
export const REPORT_CATEGORIES = ["sanitation", "property", "safety", "repair", "neighbours", "other"] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<ReportCategory, string> = {
  sanitation: "环境卫生",
  property: "物业服务",
  safety: "安全隐患",
  repair: "设施维修",
  neighbours: "邻里纠纷",
  other: "其他",
};

/** The category of an item's topic (other for a topic that is none of them). */
export const categoryOf = (topic: string): ReportCategory => REPORT_CATEGORIES.find((c) => CATEGORY_LABELS[c] === topic) ?? "other";

/** At most this many photos per report, each at most MAX_PHOTO_BYTES as sent. */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The text a resident writes, in characters. */
export const MAX_REPORT_TEXT = 1000;

/** One answer the resident reads: a department's reply, or the community's own (就地解决). */
export interface ReceiptReply {
  text: string;
  /** Epoch milliseconds, as the ledger's replies keep it. */
  at: number;
  /** The department that replied, or the community for 就地解决. */
  by: string;
  rating: { rating: Rating; comment: string; at: number } | null;
}

/** What a receipt shows: the item's state in plain words, the replies, the 反馈单, whether it can be rated now. */
export interface ReceiptView {
  /** The item's id: a grid worker rates by it (`/api/grid/reports/:id/rating`). */
  id: string;
  /** 序号 in the ledger */
  number: number;
  communityName: string;
  category: string;
  text: string;
  location: string;
  raisedOn: string;
  state: LedgerState;
  /** Put before a council meeting (提交议事会): its title. */
  council: string | null;
  /** The department the item is with (承办单位), once assigned. */
  department: string | null;
  deadline: string | null;
  replies: ReceiptReply[];
  /** The latest reply is there and not rated yet. */
  canRate: boolean;
  /** The latest 反馈单, downloadable through the receipt. */
  feedbackForm: { id: string; number: string } | null;
  photos: number;
  /** Send back as baseVersion with the rating. */
  version: number;
}

/** The receipt view of an item (no names, no contact, no staff notes or history). */
export function receiptView(
  item: LedgerItemJson,
  context: { communityName: string; council: string | null; feedbackForm: { id: string; number: string } | null },
): ReceiptView {
  const latest = item.replies.at(-1);
  return {
    id: item.id,
    number: item.number,
    communityName: context.communityName,
    category: item.topic,
    text: item.text,
    location: item.location,
    raisedOn: item.raisedOn,
    state: item.state,
    council: context.council,
    department: item.lead?.name ?? null,
    deadline: item.lead ? item.deadline : null,
    replies: item.replies.map((r) => ({
      text: r.text,
      at: r.at,
      // A reply without a department is the community's own (就地解决): never the secretary's name.
      by: item.lead?.name ?? context.communityName,
      rating: r.rating,
    })),
    canRate: latest !== undefined && latest.rating === null && (item.state === "answered" || item.state === "closed"),
    feedbackForm: context.feedbackForm,
    photos: item.photos.length,
    version: item.version,
  };
}
