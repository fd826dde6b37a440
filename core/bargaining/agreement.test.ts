// The agreement after bargaining: the draft from the agreed clauses, its articles numbered 第一条…,
// the §36 test on a vote's numbers, and the dates of signing, filing (§42, 10 days) and review
// (§47, 15 days) with the state and the reminder they give at a moment.
import { describe, expect, it } from "vitest";
import { rosterEntry } from "../../testing/core.ts";
import {
  agreementLines,
  agreementReminder,
  agreementStatus,
  article36Test,
  chineseNumber,
  confirmationCode,
  draftAgreement,
  stepProblem,
  type AgreementSteps,
  type AgreementVote,
  type Signature,
} from "./agreement.ts";
import type { Clause } from "./schema.ts";

const clause = (clauseId: string, title: string, agreed: string | null): Clause => ({
  clauseId,
  title,
  addedAt: 0,
  offers: [],
  accepted: { worker: null, enterprise: null },
  agreed: agreed === null ? null : { offerId: `${clauseId}-o`, text: agreed, at: 1 },
});
const roster = [
  rosterEntry({ participantId: "w", role: "member" }, { name: "马文华", side: "worker", chief: true, unit: "某公司工会" }),
  rosterEntry({ participantId: "e", role: "member" }, { name: "王立新", side: "enterprise", chief: true, unit: "某公司" }),
];

describe("the draft from the agreed clauses", () => {
  it("one article per agreed clause, in order; the parties and chiefs from the roster", () => {
    const content = draftAgreement("工资集体协商", roster, {
      clauses: [clause("c1", "工资调整幅度", "增长6%"), clause("c2", "计件工资", null), clause("c3", "加班工资", "按法定标准")],
    })!;
    expect(content.articles).toEqual([
      { clauseId: "c1", title: "工资调整幅度", text: "增长6%" },
      { clauseId: "c3", title: "加班工资", text: "按法定标准" },
    ]);
    expect(content).toMatchObject({ enterprise: "某公司", union: "某公司工会", chiefs: { worker: "马文华", enterprise: "王立新" } });
    const lines = agreementLines(content, null, true);
    expect(lines.filter((l) => l.kind === "article").map((l) => (l.kind === "article" ? `${l.number}${l.title}` : ""))).toEqual([
      "第一条工资调整幅度",
      "第二条加班工资",
      "第三条合同期限",
      "第四条生效",
    ]);
    expect(lines[0]).toEqual({ kind: "title", text: "工资专项集体合同（草案）" });
    expect(lines.at(-1)).toEqual({ kind: "date", text: "签订日期：　　　　年　　月　　日" });
    expect(agreementLines(content, "2026-12-21", false).at(-1)).toEqual({ kind: "date", text: "签订日期：2026年12月21日" });
  });

  it("nothing agreed: no draft", () => {
    expect(draftAgreement("t", roster, { clauses: [clause("c1", "x", null)] })).toBeNull();
  });

  it.each([
    [1, "一"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [35, "三十五"],
  ])("%i → 第%s条", (n, words) => expect(chineseNumber(n)).toBe(words));
});

describe("§36 on the numbers", () => {
  // [应到, 实到, 赞成, present met, yes met, passed]
  it.each([
    [30, 30, 20, true, true, true],
    [30, 20, 16, true, true, true],
    [30, 19, 19, false, true, false],
    [30, 28, 15, true, false, false],
    [30, 28, 16, true, true, true],
    [31, 21, 16, true, true, true],
    [31, 20, 16, false, true, false],
    [4, 3, 3, true, true, true],
    [0, 0, 0, false, false, false],
  ])("应到 %i, 实到 %i, 赞成 %i → %s %s %s", (entitled, present, yes, presentMet, yesMet, passed) => {
    const test = article36Test({ entitled, present, yes });
    expect([test.present.met, test.yes.met, test.passed]).toEqual([presentMet, yesMet, passed]);
  });

  it("says how many are needed", () => {
    expect(article36Test({ entitled: 30, present: 19, yes: 19 })).toMatchObject({ present: { needed: 20 }, yes: { needed: 16 } });
    expect(article36Test({ entitled: 31, present: 0, yes: 0 })).toMatchObject({ present: { needed: 21 }, yes: { needed: 16 } });
  });
});

const at = (date: string) => Date.parse(`${date}T10:00:00+08:00`);
const passedVote = { entitled: 30, present: 28, yes: 16, votedOn: "2026-12-20" } as AgreementVote;
const signature = (signedOn: string): Signature => ({ name: "x", signedOn, recordedByName: "秘书处", via: "staff", at: null });
const steps = (fields: Partial<AgreementSteps> = {}): AgreementSteps => ({
  vote: passedVote,
  signatures: { worker: signature("2026-12-21"), enterprise: signature("2026-12-22") },
  filedOn: null,
  receivedOn: null,
  review: null,
  ...fields,
});

describe("signing, filing (§42) and review (§47)", () => {
  it.each([
    ["no vote", steps({ vote: null, signatures: { worker: null, enterprise: null } }), "2026-12-21", "draft", null],
    ["vote failed §36", steps({ vote: { ...passedVote, yes: 15 }, signatures: { worker: null, enterprise: null } }), "2026-12-21", "draft", null],
    ["voted", steps({ signatures: { worker: signature("2026-12-21"), enterprise: null } }), "2026-12-21", "voted", null],
    ["signed, 10 days left from the later signature", steps(), "2026-12-22", "signed", 10],
    ["signed, last day", steps(), "2027-01-01", "signed", 0],
    ["signed, overdue", steps(), "2027-01-03", "signed", -2],
    ["filed, not yet received", steps({ filedOn: "2026-12-25" }), "2026-12-26", "filed", null],
    ["under review", steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26" }), "2027-01-05", "underReview", 5],
    ["the window's last day", steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26" }), "2027-01-10", "underReview", 0],
    ["15 days passed without objection", steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26" }), "2027-01-11", "effective", null],
    [
      "no objection answered early",
      steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26", review: { outcome: "noObjection", on: "2026-12-30", note: null } }),
      "2026-12-30",
      "effective",
      null,
    ],
    [
      "objection",
      steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26", review: { outcome: "objection", on: "2027-01-05", note: "第二条低于当地标准" } }),
      "2027-01-20",
      "objected",
      null,
    ],
  ] as const)("%s", (_, given, today, state, daysLeft) => {
    const status = agreementStatus(given, at(today));
    expect([status.state, status.daysLeft]).toEqual([state, daysLeft]);
  });

  it("the dates: filing due 10 days after the later signature, review ends 15 days after receipt, effective the day after", () => {
    const status = agreementStatus(steps({ filedOn: "2027-01-02", receivedOn: "2027-01-02" }), at("2027-01-20"));
    expect(status).toMatchObject({ signedOn: "2026-12-22", filingDue: "2027-01-01", reviewEnds: "2027-01-17", effectiveOn: "2027-01-18", filedLate: true });
  });

  it("reminders: filing while signed (overdue marked), the end of the review while under review, none otherwise", () => {
    expect(agreementReminder(agreementStatus(steps(), at("2027-01-03")))).toEqual({ kind: "filing", due: "2027-01-01", daysLeft: -2, overdue: true });
    expect(agreementReminder(agreementStatus(steps({ filedOn: "2026-12-25", receivedOn: "2026-12-26" }), at("2027-01-05")))).toEqual({
      kind: "review",
      due: "2027-01-10",
      daysLeft: 5,
      overdue: false,
    });
    expect(agreementReminder(agreementStatus(steps({ filedOn: "2026-12-25" }), at("2026-12-26")))).toBeNull();
  });

  it("the order of the steps", () => {
    expect(stepProblem(steps({ vote: null, signatures: { worker: null, enterprise: null } }), "sign", "worker")).toBe("AGREEMENT_STEP_ORDER");
    expect(stepProblem(steps(), "sign", "worker")).toBe("AGREEMENT_STEP_RECORDED");
    expect(stepProblem(steps({ signatures: { worker: signature("2026-12-21"), enterprise: null } }), "file")).toBe("AGREEMENT_STEP_ORDER");
    expect(stepProblem(steps(), "file")).toBeNull();
    expect(stepProblem(steps(), "receive")).toBe("AGREEMENT_STEP_ORDER");
    expect(stepProblem(steps({ filedOn: "2026-12-25" }), "review")).toBe("AGREEMENT_STEP_ORDER");
    expect(stepProblem(steps(), "vote")).toBe("AGREEMENT_STEP_RECORDED");
  });
});

describe("the confirmation code of the voted text", () => {
  const content = draftAgreement("协商", [], {
    clauses: [
      {
        clauseId: "c1",
        title: "工资调整幅度",
        addedAt: 0,
        offers: [],
        accepted: { worker: null, enterprise: null },
        agreed: { offerId: "o", text: "平均增长6%。", at: 0 },
      },
    ],
  })!;

  it("is six letters and digits, easy to read aloud (no 0/O, 1/I), the same for the same text", () => {
    expect(confirmationCode(content)).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    expect(confirmationCode(structuredClone(content))).toBe(confirmationCode(content));
  });

  it("changes with any change of the text", () => {
    const edited = { ...content, articles: [{ ...content.articles[0]!, text: "平均增长7%。" }] };
    expect(confirmationCode(edited)).not.toBe(confirmationCode(content));
    expect(confirmationCode({ ...content, chiefs: { ...content.chiefs, worker: "马文华" } })).not.toBe(confirmationCode(content));
  });
});
