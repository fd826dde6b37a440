import { describe, expect, it } from "vitest";
import { formatJoinCode, JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode, shortJoinUrl } from "./joinCode.ts";

const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

describe("join codes", () => {
  it("are 10 characters of an alphabet without look-alikes", () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = new Set(Array.from({ length: 200 }, () => newJoinCode(randomBytes)));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  });

  it("are read whatever the case, dashes and spaces, and shown grouped", () => {
    expect(normalizeJoinCode(" abcd-efgh-jk ")).toBe("ABCDEFGHJK");
    expect(normalizeJoinCode("ABCD EFGH JK")).toBe("ABCDEFGHJK");
    expect(normalizeJoinCode("ABCD—EFGH—JK")).toBe("ABCDEFGHJK");
    expect(normalizeJoinCode("ABCDEFGHJ")).toBeNull();
    expect(normalizeJoinCode("ABCDEFGHJ0")).toBeNull();
    expect(normalizeJoinCode("ABCDEFGHJKM")).toBeNull();
    expect(formatJoinCode("ABCDEFGHJK")).toBe("ABCD-EFGH-JK");
    expect(shortJoinUrl("https://x.org/", "ABCDEFGHJK")).toBe("https://x.org/j/ABCDEFGHJK");
  });
});
