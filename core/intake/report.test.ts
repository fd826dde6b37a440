// The receipt view (回执): what a resident reads of their item — never who raised it, the contact,
// the secretariat's instructions — and when the rating form shows.
import { describe, expect, it } from "vitest";
import type { LedgerItemJson } from "../ledger/json.ts";
import { CATEGORY_LABELS, categoryOf, receiptView, REPORT_CATEGORIES } from "./report.ts";

const item = (over: Partial<LedgerItemJson> = {}): LedgerItemJson => ({
  id: "i-1",
  number: 7,
  source: "residents",
  origin: "suggestion",
  sourceNote: null,
  meetingId: null,
  meetingTitle: null,
  suggestionId: null,
  decisionId: null,
  agendaItemTitle: null,
  entryKey: null,
  raisedByName: "王大爷",
  sector: null,
  contact: "13900000001",
  raisedOn: "2026-12-06",
  title: "楼道堆物",
  text: "3号楼1单元楼道堆放杂物",
  topic: "环境卫生",
  suggestedDepartment: "",
  liveResponses: [],
  state: "new",
  lead: null,
  partners: [],
  deadline: null,
  instructions: "内部：请联系王大爷",
  assignedAt: null,
  closedAt: null,
  replies: [],
  supervisions: 0,
  communityId: "c-1",
  anonymous: true,
  location: "3号楼1单元",
  photos: [{ id: "p-1", name: "照片1.jpg" }],
  councilMeetingId: null,
  flag: null,
  version: 1,
  createdAt: "2026-12-06T01:00:00.000Z",
  ...over,
});
const context = { communityName: "阅海湾社区", council: null, feedbackForm: null };

describe("receiptView", () => {
  it("shows the item's own words and state, never who raised it, the contact or the instructions", () => {
    const view = receiptView(item(), context);
    expect(view).toMatchObject({ number: 7, category: "环境卫生", location: "3号楼1单元", state: "new", photos: 1, replies: [], canRate: false });
    const text = JSON.stringify(view);
    for (const secret of ["王大爷", "13900000001", "内部"]) expect(text).not.toContain(secret);
  });

  it("a department's reply is by the department; the community's own (就地解决) by the community; rating once the latest is unrated", () => {
    const reply = { text: "已清理", outcome: "adopted" as const, attachments: [], at: 1_000, byName: "张书记", rating: null };
    const local = receiptView(item({ state: "closed", replies: [reply] }), context);
    expect(local.replies).toEqual([{ text: "已清理", at: 1_000, by: "阅海湾社区", rating: null }]);
    expect(local.canRate).toBe(true);
    expect(JSON.stringify(local)).not.toContain("张书记");
    const lead = { id: "d-1", name: "物业服务中心", disabled: false };
    const rated = receiptView(
      item({
        state: "answered",
        lead,
        deadline: "2026-12-20",
        replies: [{ ...reply, byName: "物业服务中心", rating: { rating: "satisfied", comment: "", at: 2_000 } }],
      }),
      context,
    );
    expect(rated).toMatchObject({ department: "物业服务中心", deadline: "2026-12-20", replies: [{ by: "物业服务中心" }], canRate: false });
  });

  it("every category is its own topic back", () => {
    for (const c of REPORT_CATEGORIES) expect(categoryOf(CATEGORY_LABELS[c])).toBe(c);
    expect(categoryOf("城市更新")).toBe("other");
  });
});
