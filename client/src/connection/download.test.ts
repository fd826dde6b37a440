import { describe, expect, it } from "vitest";
import { fileNameOf } from "./download.ts";

describe("fileNameOf", () => {
  it("reads the UTF-8 name (RFC 5987) the server sends, not the ASCII fallback", () => {
    const name = "区政协“营商环境”协商会-发言统计.xlsx";
    const header = `attachment; filename="___.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
    expect(fileNameOf(header)).toBe(name);
  });

  it("null without a header, without filename*, or with a broken encoding", () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('attachment; filename="stats.csv"')).toBeNull();
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%")).toBeNull();
  });
});
