// The workers' proposals in English: ASCII punctuation only, and both languages have the same keys.
import { describe, expect, it } from "vitest";
import { describeFindings, fullWidthIn, strings } from "../../../testing/englishText.ts";
import { proposalsEn } from "./proposals.en.ts";
import { proposalsZh } from "./proposals.zh.ts";

describe("proposals strings", () => {
  it("English uses no full-width punctuation", () => {
    const findings = [...strings(proposalsEn, "proposals")].flatMap(([key, text]) => fullWidthIn(key, text));
    expect(describeFindings(findings)).toEqual([]);
  });

  it("both languages have the same keys", () => {
    const keys = (resources: object) => [...strings(resources)].map(([key]) => key).sort();
    expect(keys(proposalsEn)).toEqual(keys(proposalsZh));
  });
});
