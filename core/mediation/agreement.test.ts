import { describe, expect, it } from "vitest";
import {
  agreementLines,
  agreementState,
  confirmationCode,
  confirmationProblem,
  editProblem,
  partyLabel,
  refusalProblem,
  type AgreementRefusal,
  type AgreementSignature,
  type MediationAgreementContent,
} from "./agreement.ts";

const content: MediationAgreementContent = {
  caseNumber: "兴庆调〔2026〕12号",
  committee: "幸福里社区人民调解委员会",
  parties: [
    { participantId: "a", name: "张丽", household: "3栋201", phone: null, role: "applicant" },
    { participantId: "b", name: "张丽", household: "3栋301", phone: "13800000002", role: "respondent" },
  ],
  facts: "楼上漏水致楼下天花板受损。",
  dispute: "维修责任与赔偿。",
  terms: ["301承担修复费用800元。"],
  performance: [{ participantId: "b", how: "一次性支付800元", by: "2026-12-31" }],
  mediators: [
    { participantId: "m", name: "马秀兰" },
    { participantId: "p", name: "杨警官" },
  ],
};
const sig = (participantId: string, kind: "party" | "mediator" = "party"): AgreementSignature => ({
  participantId,
  kind,
  name: "x",
  at: "2026-12-22T02:00:00.000Z",
  drawn: false,
  via: "link",
});
const refusal: AgreementRefusal = { participantId: "b", name: "张丽", reason: "不同意", at: "2026-12-22T02:00:00.000Z", referral: null, referralNote: null };
const code = confirmationCode(content);

describe("partyLabel", () => {
  it("tells two parties of the same name apart by role and household", () => {
    expect(partyLabel(content.parties[0]!)).toBe("张丽（申请人，3栋201）");
    expect(partyLabel(content.parties[1]!)).toBe("张丽（被申请人，3栋301）");
    expect(partyLabel({ ...content.parties[0]!, household: null })).toBe("张丽（申请人）");
  });
});

describe("confirmationCode", () => {
  it("is made from the text: the same text the same code, any change another", () => {
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    expect(confirmationCode(structuredClone(content))).toBe(code);
    expect(confirmationCode({ ...content, terms: ["301承担修复费用900元。"] })).not.toBe(code);
  });
});

describe("agreementState (the lock)", () => {
  it.each([
    [[], null, "draft"],
    [[sig("a")], null, "signing"],
    [[sig("a"), sig("b")], null, "signing"],
    [[sig("a"), sig("b"), sig("m", "mediator")], null, "signing"],
    [[sig("a"), sig("b"), sig("m", "mediator"), sig("p", "mediator")], null, "signed"],
    [[sig("a")], refusal, "refused"],
  ] as const)("%j refusal %j → %s", (signatures, refused, state) => {
    expect(agreementState(content, signatures, refused)).toBe(state);
  });
  it("edits and refusals are refused once locked or refused", () => {
    expect(editProblem("draft")).toBeNull();
    expect(editProblem("signing")).toBeNull();
    expect(editProblem("signed")).toBe("MEDIATION_AGREEMENT_LOCKED");
    expect(editProblem("refused")).toBe("MEDIATION_AGREEMENT_REFUSED");
    expect(refusalProblem("signing")).toBeNull();
    expect(refusalProblem("signed")).toBe("MEDIATION_AGREEMENT_LOCKED");
  });
});

describe("confirmationProblem", () => {
  const all = [sig("a"), sig("b"), sig("m", "mediator"), sig("p", "mediator")];
  it.each([
    ["a party with her own name and the code", { participantId: "a", typedName: "张丽" }, null],
    ["spaces in the typed name do not matter", { participantId: "a", typedName: " 张　丽 " }, null],
    ["the code in lower case", { participantId: "a", typedName: "张丽", code: code.toLowerCase() }, null],
    ["a mediator needs no typed name", { participantId: "m", typedName: null }, null],
    ["someone not on the agreement", { participantId: "x", typedName: "张丽" }, "MEDIATION_AGREEMENT_NOT_SIGNER"],
    ["another name", { participantId: "a", typedName: "张莉" }, "MEDIATION_AGREEMENT_NAME"],
    ["no name typed by a party", { participantId: "a", typedName: null }, "MEDIATION_AGREEMENT_NAME"],
    ["another text's code", { participantId: "a", typedName: "张丽", code: "AAA-AAA" }, "MEDIATION_AGREEMENT_CODE"],
    ["twice", { participantId: "a", typedName: "张丽", signatures: [sig("a")] }, "MEDIATION_AGREEMENT_SIGNED_ALREADY"],
    ["after everyone signed", { participantId: "a", typedName: "张丽", signatures: all }, "MEDIATION_AGREEMENT_LOCKED"],
    ["after a refusal", { participantId: "a", typedName: "张丽", refusal }, "MEDIATION_AGREEMENT_REFUSED"],
  ] as const)("%s", (_name, input, problem) => {
    expect(confirmationProblem({ content, signatures: [], refusal: null, code, ...input })).toBe(problem);
  });
});

describe("agreementLines", () => {
  const chinaDate = (iso: string) => iso.slice(0, 10);
  it("lays out the customary 调解协议书, each party told apart, and no date before everyone signed", () => {
    const lines = agreementLines(content, [sig("a")], chinaDate);
    expect(lines.map((l) => l.text)).toEqual([
      "人民调解协议书",
      "编号：兴庆调〔2026〕12号",
      "申请人：张丽，住址：3栋201",
      "被申请人：张丽，住址：3栋301，联系电话：13800000002",
      "纠纷主要事实、争议事项：",
      "楼上漏水致楼下天花板受损。",
      "维修责任与赔偿。",
      "经调解，自愿达成如下协议：",
      "一、301承担修复费用800元。",
      "履行方式、时限：",
      "张丽（被申请人，3栋301）：一次性支付800元，于2026年12月31日前履行完毕。",
      "本协议自各方当事人签名、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式3份，当事人、人民调解委员会各持一份。",
      "当事人（签名）：张丽（申请人，3栋201）（已确认 2026年12月22日）",
      "当事人（签名）：张丽（被申请人，3栋301）",
      "人民调解员（签名）：马秀兰",
      "人民调解员（签名）：杨警官",
      "幸福里社区人民调解委员会（印章）",
    ]);
  });
  it("dates the signed agreement with the last signature's day", () => {
    const signed = [sig("a"), sig("b"), sig("m", "mediator"), { ...sig("p", "mediator"), at: "2026-12-23T03:00:00.000Z" }];
    expect(agreementLines(content, signed, chinaDate).at(-1)).toEqual({ kind: "date", text: "2026年12月23日" });
  });
});
