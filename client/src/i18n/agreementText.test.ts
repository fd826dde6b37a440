// The agreement pages in English: ASCII punctuation only, and both languages have the same keys.
import { describe, expect, it } from "vitest";
import { describeFindings, fullWidthIn, strings } from "../../../testing/englishText.ts";
import { agreementEn } from "./agreement.en.ts";
import { agreementZh } from "./agreement.zh.ts";

describe("agreement strings", () => {
  it("English uses no full-width punctuation", () => {
    const findings = [...strings(agreementEn, "agreement")].flatMap(([key, text]) => fullWidthIn(key, text));
    expect(describeFindings(findings)).toEqual([]);
  });

  it("both languages have the same keys", () => {
    const keys = (resources: object) => [...strings(resources)].map(([key]) => key).sort();
    expect(keys(agreementEn)).toEqual(keys(agreementZh));
  });
});
