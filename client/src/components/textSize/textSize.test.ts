import { describe, expect, it } from "vitest";
import { percentOf, textSizeOf } from "./textSize.ts";

describe("字号 (text size)", () => {
  it("reads a stored choice, standard for nothing or anything unknown", () => {
    expect(textSizeOf("large")).toBe("large");
    expect(textSizeOf("largest")).toBe("largest");
    expect(textSizeOf(null)).toBe("standard");
    expect(textSizeOf("huge")).toBe("standard");
  });
  it("is 100, 125 and 150 % of the browser's own size", () => {
    expect([percentOf("standard"), percentOf("large"), percentOf("largest")]).toEqual([100, 125, 150]);
  });
});
