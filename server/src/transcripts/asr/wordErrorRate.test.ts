import { describe, expect, it } from "vitest";
import { wordErrorRate, wordsOf } from "./wordErrorRate.ts";

describe("wordErrorRate", () => {
  it("is 0 for the same words, whatever the case and punctuation", () => {
    expect(wordErrorRate("The committee will now vote.", "the committee, will now VOTE")).toBe(0);
  });

  it("counts substitutions, deletions and insertions per word said", () => {
    expect(wordErrorRate("the committee will now vote", "the committee will not vote")).toBeCloseTo(1 / 5);
    expect(wordErrorRate("the committee will now vote", "the committee now vote")).toBeCloseTo(1 / 5);
    expect(wordErrorRate("the committee will now vote", "oh the committee will now vote today")).toBeCloseTo(2 / 5);
    expect(wordErrorRate("a b c d", "")).toBe(1);
    expect(wordErrorRate("one", "many more words than said")).toBe(5);
  });

  it("takes the cheapest alignment", () => {
    // One deletion and one insertion beat four substitutions.
    expect(wordErrorRate("a b c d", "b c d e")).toBeCloseTo(2 / 4);
  });

  it("is 0 for two empty texts and 1 when something was heard where nothing was said", () => {
    expect(wordErrorRate("", "  ")).toBe(0);
    expect(wordErrorRate("...", "hello")).toBe(1);
  });

  it("counts each Chinese character as a word (Chinese has no spaces)", () => {
    expect(wordsOf("会议现在开始。Vote 2026 now")).toEqual(["会", "议", "现", "在", "开", "始", "vote", "2026", "now"]);
    expect(wordErrorRate("会议现在开始", "会议现在开幕")).toBeCloseTo(1 / 6);
    expect(wordErrorRate("我们同意 budget", "我们同意budget")).toBe(0);
  });

  it("keeps apostrophes inside words", () => {
    expect(wordsOf("We don’t agree; it's 'fine'")).toEqual(["we", "don't", "agree", "it's", "fine"]);
  });
});
