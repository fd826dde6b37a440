import { describe, expect, it } from "vitest";
import { voteWeightOf } from "./voteWeight.ts";

describe("voteWeightOf (表决权重 in the participant form)", () => {
  it.each<[string, number | null]>([
    ["", null],
    ["  ", null],
    ["1", 1],
    ["89.5", 89.5],
    ["0.0001", 0.0001],
    ["120.12340", 120.1234],
    ["８９．５", 89.5],
    [".5", 0.5],
    ["1000000", 1_000_000],
  ])("%j → %j", (text, weight) => {
    expect(voteWeightOf(text)).toBe(weight);
  });

  it.each(["0", "0.0000", "-3", "abc", "1e3", "89.12345", "1000000.0001", "1,000", "12 3"])("%j is invalid", (text) => {
    expect(voteWeightOf(text)).toBe("invalid");
  });
});
