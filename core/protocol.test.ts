// The `command` message's parser: the command id beside the command's type is taken off and
// checked, the rest is the command as before.
import { describe, expect, it } from "vitest";
import { parseCommandMessage } from "./protocol.ts";

describe("parseCommandMessage", () => {
  it("takes the cid off and parses the rest as the command", () => {
    const cid = "0b6f6d4e-2c1a-4f3b-9d8e-7a6c5b4d3e2f";
    expect(parseCommandMessage({ type: "floor.setCap", seconds: 120, cid })).toEqual({
      ok: true,
      value: { command: { type: "floor.setCap", seconds: 120 }, cid },
    });
    expect(parseCommandMessage({ type: "queue.request", cid: "abcd1234" })).toEqual({
      ok: true,
      value: { command: { type: "queue.request" }, cid: "abcd1234" },
    });
  });

  it("a command without a cid is a command without one", () => {
    expect(parseCommandMessage({ type: "queue.request" })).toEqual({ ok: true, value: { command: { type: "queue.request" }, cid: undefined } });
  });

  it("refuses a cid that is not 8 to 64 letters, digits or dashes", () => {
    for (const cid of ["1234567", "x".repeat(65), "with space", "ünïcode-id", "a_b_c_d_e", 12345678, null, undefined, ["abcdefgh"]]) {
      const parsed = parseCommandMessage({ type: "queue.request", cid });
      expect(parsed.ok ? "accepted" : parsed.error.code).toBe("VALIDATION");
    }
    expect(parseCommandMessage({ type: "queue.request", cid: "x".repeat(64) }).ok).toBe(true);
  });

  it("a bad command with a good cid is refused as before, with the command's paths", () => {
    const parsed = parseCommandMessage({ type: "floor.setCap", seconds: "long", cid: "abcdefgh" });
    expect(parsed.ok ? null : parsed.error).toMatchObject({ code: "VALIDATION", details: [expect.stringContaining("seconds")] });
    expect(parseCommandMessage({ type: "queue.request", extra: 1, cid: "abcdefgh" }).ok).toBe(false);
    expect(parseCommandMessage(null).ok).toBe(false);
    expect(parseCommandMessage("queue.request").ok).toBe(false);
  });
});
