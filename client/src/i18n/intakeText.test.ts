// The residents' pages in English: ASCII punctuation only, no "…" (a Chinese example building is
// quoted on purpose), and both languages have the same keys.
import { describe, expect, it } from "vitest";
import { describeFindings, fullWidthIn, strings } from "../../../testing/englishText.ts";
import { intakeEn } from "./intake.en.ts";
import { intakeZh } from "./intake.zh.ts";

describe("intake strings", () => {
  it("English uses no full-width punctuation", () => {
    const findings = [...strings(intakeEn, "intake")].flatMap(([key, text]) =>
      fullWidthIn(key, text, key === "intake.report.locationHint" ? ["3号楼1单元"] : []),
    );
    expect(describeFindings(findings)).toEqual([]);
  });

  it("both languages have the same keys", () => {
    const keys = (resources: object) => [...strings(resources)].map(([key]) => key).sort();
    expect(keys(intakeEn)).toEqual(keys(intakeZh));
  });
});
