// The English halves of the server's own bilingual messages (roster and ledger import reports,
// password advice) use ASCII punctuation; Chinese they quote as data (【采纳】) may stay.
import { describe, expect, it } from "vitest";
import { describeFindings, fullWidthIn } from "../../testing/englishText.ts";
import { checkPasswordStrength } from "./accounts/passwords.ts";
import { IMPORT_CODES, importReport, type ImportField } from "./ledger/importRows.ts";
import { lossyMessage } from "./roster/lossyText.ts";
import { fileReport, rowReport } from "./roster/reports.ts";
import { ROW_CODES } from "./roster/rosterTypes.ts";

/** The reply prefixes an imported reply begins with, quoted as the file must hold them. */
const REPLY_PREFIXES = ["【采纳】", "【部分采纳】", "【研究】", "【说明】"];

const LEDGER_FIELDS: ImportField[] = ["question", "title", "department", "raisedOn", "deadline", "state", "reply", "outcome", "rating"];
const ROSTER_FIELDS = [undefined, "name", "role", "side", "chief", "phone", "email", "voteWeight", "household"];
const LONG = "王".repeat(30) + "?".repeat(20);
const hint = { zh: "提示", en: "a hint" };

function messages(): [key: string, text: string][] {
  const out: [string, string][] = [];
  for (const code of ROW_CODES)
    for (const field of ROSTER_FIELDS)
      for (const ctx of [{}, { value: "王?", firstRow: 2, max: 20, hint }, { value: LONG, lossy: "replacement" as const }])
        out.push([`rowReport.${code}.${field ?? "-"}`, rowReport(3, code, field, ctx).message.en]);
  for (const code of ["FILE_TYPE_NOT_ALLOWED", "ENCODING_UNSUPPORTED", "TABLE_TOO_LARGE"] as const)
    out.push([`fileReport.${code}`, fileReport(code, "名单.csv", { zh: "提示", en: "a hint" }).message.en]);
  for (const code of IMPORT_CODES)
    for (const field of [undefined, ...LEDGER_FIELDS])
      for (const ctx of [{}, { value: "甲", number: 7, max: 40, hint }, { value: LONG, firstRow: 4, lossy: "questionMark" as const }])
        out.push([`importReport.${code}.${field ?? "-"}`, importReport(5, code, field, ctx).message.en]);
  for (const reason of ["questionMark", "replacement"] as const)
    out.push([`lossyMessage.${reason}`, lossyMessage({ zh: "姓名", en: "name" }, LONG, reason).en]);
  const account = { username: "wangfang", displayName: "王芳" };
  for (const password of ["short", "aaaaaaaaaaaa", "abcdefghijkl", "qwertyuiopas", "password1234", "wangfang2024", "1234567890", "19900101"]) {
    const reason = checkPasswordStrength(password, account);
    if (reason) out.push([`checkPasswordStrength(${password})`, reason.en]);
  }
  return out;
}

describe("the server's English messages use ASCII punctuation", () => {
  it("import reports, file reports, lost-character warnings and password advice", () => {
    const texts = messages();
    expect(texts.length).toBeGreaterThan(300);
    // Long values are cut with an ASCII ellipsis in English.
    expect(lossyMessage({ zh: "姓名", en: "name" }, LONG, "questionMark").en).toContain(`"${"王".repeat(30)}${"?".repeat(10)}..."`);
    expect(describeFindings(texts.flatMap(([key, text]) => fullWidthIn(key, text, REPLY_PREFIXES)))).toEqual([]);
  });
});
