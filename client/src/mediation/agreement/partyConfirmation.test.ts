import { describe, expect, it } from "vitest";
import type { MediationConfirmationJson } from "@core/api/mediationAgreement.ts";
import { agreementText, chinaDay, confirmedAt, parsePerformance, partyStep, typedName } from "./partyConfirmation.ts";

const content = {
  caseNumber: "调〔2026〕1号",
  committee: "某社区人民调解委员会",
  parties: [
    { participantId: "a", name: "张丽", household: "3栋201", phone: null, role: "applicant" as const },
    { participantId: "b", name: "张丽", household: "3栋301", phone: null, role: "respondent" as const },
  ],
  facts: "漏水。",
  dispute: "",
  terms: ["赔偿800元。"],
  performance: [],
  mediators: [{ participantId: "m", name: "马秀兰" }],
};
const sig = (participantId: string) => ({
  participantId,
  kind: "party" as const,
  name: "张丽",
  at: "2026-12-22T02:31:00.000Z",
  drawn: false,
  via: "link" as const,
});
const view = (fields: Partial<MediationConfirmationJson>): MediationConfirmationJson => ({
  meetingId: "x",
  participantId: "a",
  kind: "party",
  label: "张丽（申请人，3栋201）",
  state: "draft",
  latest: { number: 2, code: "ABC-DEF", content },
  signed: null,
  signatures: [],
  refusal: null,
  ...fields,
});

describe("partyStep", () => {
  it.each([
    ["no draft yet: nothing", view({ latest: null }), null],
    ["not a signer: nothing", view({ kind: null }), null],
    ["to confirm the latest version with its code", view({}), { kind: "toConfirm", version: 2, code: "ABC-DEF" }],
    [
      "confirmed, waiting for the others",
      view({ state: "signing", signed: sig("a"), signatures: [sig("a")] }),
      { kind: "confirmed", at: "2026-12-22T02:31:00.000Z", count: 1, total: 3 },
    ],
    ["everyone signed: the download", view({ state: "signed", signed: sig("a") }), { kind: "signed" }],
    [
      "refused by the other party",
      view({
        state: "refused",
        refusal: { participantId: "b", name: "张丽", reason: "不同意", at: "2026-12-22T02:31:00.000Z", referral: null, referralNote: null },
      }),
      { kind: "refused", name: "张丽" },
    ],
  ] as const)("%s", (_name, json, step) => {
    expect(partyStep(json)).toEqual(step);
  });
});

describe("the phone's helpers", () => {
  it("drops spaces from the typed name and shows China time", () => {
    expect(typedName(" 张　丽 ")).toBe("张丽");
    expect(confirmedAt("2026-12-22T02:31:00.000Z")).toBe("2026-12-22 10:31");
  });
  it("reads the staff's performance lines by party number, leaving out malformed ones", () => {
    expect(parsePerformance("2|一次性支付800元|2026-12-31\n3|x|2026-12-31\n1|修复|明天\n", ["a", "b"])).toEqual([
      { participantId: "b", how: "一次性支付800元", by: "2026-12-31" },
    ]);
  });
});

describe("the agreement's text on the screens", () => {
  it("sets the title centred, the number and the date right, the headings bold and the paragraphs indented", () => {
    const lines = agreementText(content, [sig("a")]);
    expect(lines[0]).toEqual({ style: "title", text: "人民调解协议书" });
    expect(lines[1]).toEqual({ style: "right", text: "编号：调〔2026〕1号" });
    expect(lines.filter((l) => l.style === "heading").length).toBeGreaterThan(0);
    expect(lines.find((l) => l.text === "漏水。")?.style).toBe("indent");
    expect(lines.filter((l) => String(l.text).startsWith("当事人（签名）：")).map((l) => l.style)).toEqual(["plain", "plain"]);
  });
  it("dates a signature by the China calendar", () => {
    expect(chinaDay("2026-12-22T17:30:00.000Z")).toBe("2026-12-23");
  });
});
