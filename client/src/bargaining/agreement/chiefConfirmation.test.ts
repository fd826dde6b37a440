import { describe, expect, it } from "vitest";
import { ChiefConfirmationJson } from "@core/api/bargainingAgreement.ts";
import { confirmationCode, type AgreementContent } from "@core/bargaining/agreement.ts";
import { confirmationStep, confirmedAt, confirmingSide, fullText, keepRefreshing } from "./chiefConfirmation.ts";

const CONTENT: AgreementContent = {
  title: "工资专项集体合同",
  enterprise: "宁夏塞上农产品有限公司",
  union: "宁夏塞上农产品有限公司工会",
  preamble: "甲乙双方经平等协商，订立本合同。",
  articles: [{ clauseId: "c1", title: "工资调整幅度", text: "2027年度职工工资平均增长6%。" }],
  term: "一年。",
  chiefs: { worker: "马文华", enterprise: "王立新" },
};
const chief = (name: string, at: string | null) => ({ name, signedOn: "2026-12-21", recordedByName: at ? name : "秘书处", via: at ? "chief" : "staff", at });

/** The server's answer, parsed as the client parses it. */
const answer = (fields: Partial<Record<string, unknown>> = {}) =>
  ChiefConfirmationJson.parse({
    meetingId: "m1",
    side: "worker",
    name: "马文华",
    state: "voted",
    voted: { version: 2, code: confirmationCode(CONTENT), votedOn: "2026-12-21", content: CONTENT },
    signatures: { worker: null, enterprise: null },
    signedOn: null,
    filingDue: null,
    ...fields,
  });

describe("who sees the confirmation", () => {
  it("a side's chief of a bargaining meeting; no one else", () => {
    expect(confirmingSide("bargaining", { side: "worker", chief: true })).toBe("worker");
    expect(confirmingSide("bargaining", { side: "enterprise", chief: true })).toBe("enterprise");
    expect(confirmingSide("bargaining", { side: "worker", chief: false })).toBeNull();
    expect(confirmingSide("bargaining", { side: null, chief: false })).toBeNull();
    expect(confirmingSide("council", { side: "worker", chief: true })).toBeNull();
    expect(confirmingSide("bargaining", undefined)).toBeNull();
  });
});

describe("the chief's step", () => {
  it("waits for the vote, then asks to confirm the voted version with its code", () => {
    expect(confirmationStep(answer({ state: "draft", voted: null }))).toEqual({ kind: "waiting" });
    expect(confirmationStep(answer())).toEqual({ kind: "toConfirm", version: 2, code: confirmationCode(CONTENT) });
  });

  it("after confirming: the own signature, the other side's or not yet; refreshing stops once both signed", () => {
    const own = confirmationStep(answer({ signatures: { worker: chief("马文华", "2026-12-21T02:05:00.000Z"), enterprise: null } }));
    expect(own).toMatchObject({ kind: "confirmed", own: { via: "chief" }, other: null, bothSigned: false });
    expect(keepRefreshing(own)).toBe(true);
    const both = confirmationStep(
      answer({ state: "signed", signatures: { worker: chief("马文华", "2026-12-21T02:05:00.000Z"), enterprise: chief("王立新", null) } }),
    );
    expect(both).toMatchObject({ kind: "confirmed", other: { via: "staff", recordedByName: "秘书处" }, bothSigned: true });
    expect(keepRefreshing(both)).toBe(false);
    expect(keepRefreshing({ kind: "waiting" })).toBe(true);
  });

  it("the enterprise chief's step reads the enterprise signature", () => {
    const step = confirmationStep(answer({ side: "enterprise", signatures: { worker: chief("马文华", "2026-12-21T02:05:00.000Z"), enterprise: null } }));
    expect(step).toMatchObject({ kind: "toConfirm" });
  });
});

describe("the full text on one screen", () => {
  it("prints every article, the term, the effect and the signing block, as the document does", () => {
    const lines = fullText(CONTENT, null);
    expect(lines[0]).toEqual({ kind: "title", text: "工资专项集体合同（草案）" });
    expect(lines.filter((l) => l.kind === "article").map((l) => (l.kind === "article" ? `${l.number} ${l.title}` : ""))).toEqual([
      "第一条 工资调整幅度",
      "第二条 合同期限",
      "第三条 生效",
    ]);
    expect(lines.some((l) => l.text.includes("2027年度职工工资平均增长6%。"))).toBe(true);
    expect(lines.filter((l) => l.kind === "signature").map((l) => l.text)).toEqual([expect.stringContaining("王立新"), expect.stringContaining("马文华")]);
    expect(fullText(CONTENT, "2026-12-21").at(-1)).toEqual({ kind: "date", text: "签订日期：2026年12月21日" });
    expect(fullText(CONTENT, "2026-12-21")[0]!.text).toBe("工资专项集体合同");
  });

  it("the moment of a confirmation in China time", () => {
    expect(confirmedAt("2026-12-21T02:05:00.000Z")).toBe("2026-12-21 10:05");
    expect(confirmedAt("2026-12-21T16:30:00.000Z")).toBe("2026-12-22 00:30");
  });
});
