// Who may read /metrics and /api/ops/*: the loopback rule judged by the connection's own peer
// address, and the bearer token when YST_OPS_TOKEN is set.
import { describe, expect, it } from "vitest";
import { isLoopback, opsRefusal } from "./opsGuard.ts";

describe("isLoopback", () => {
  it("accepts 127.0.0.0/8, ::1 and IPv4 loopback mapped into IPv6", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::FFFF:127.0.0.2"]) {
      expect(isLoopback(address), address).toBe(true);
    }
  });

  it("refuses every other address, and none at all", () => {
    for (const address of [
      undefined,
      "",
      "10.0.0.1",
      "192.168.1.127",
      "128.0.0.1",
      "1.127.0.0",
      "::ffff:10.0.0.1",
      "::2",
      "fe80::1",
      "127.0.0.256",
      "127.0.0",
      "localhost",
    ]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });
});

describe("opsRefusal", () => {
  it("without a token: loopback peers pass, others are forbidden, whatever they send", () => {
    expect(opsRefusal(undefined, { authorization: undefined, remoteAddress: "127.0.0.1" })).toBeUndefined();
    expect(opsRefusal(undefined, { authorization: undefined, remoteAddress: "::1" })).toBeUndefined();
    expect(opsRefusal(undefined, { authorization: undefined, remoteAddress: "203.0.113.5" })).toBe("FORBIDDEN");
    expect(opsRefusal(undefined, { authorization: "Bearer anything", remoteAddress: "203.0.113.5" })).toBe("FORBIDDEN");
  });

  it("with a token: the bearer token alone decides, from anywhere (loopback too)", () => {
    const token = "s3cret-ops";
    expect(opsRefusal(token, { authorization: `Bearer ${token}`, remoteAddress: "203.0.113.5" })).toBeUndefined();
    expect(opsRefusal(token, { authorization: `bearer   ${token}`, remoteAddress: "203.0.113.5" })).toBeUndefined();
    expect(opsRefusal(token, { authorization: undefined, remoteAddress: "127.0.0.1" })).toBe("UNAUTHENTICATED");
    expect(opsRefusal(token, { authorization: `Basic ${token}`, remoteAddress: "127.0.0.1" })).toBe("UNAUTHENTICATED");
    expect(opsRefusal(token, { authorization: "Bearer ", remoteAddress: "127.0.0.1" })).toBe("UNAUTHENTICATED");
    expect(opsRefusal(token, { authorization: `Bearer ${token}x`, remoteAddress: "127.0.0.1" })).toBe("FORBIDDEN");
    expect(opsRefusal(token, { authorization: "Bearer s3cret", remoteAddress: "127.0.0.1" })).toBe("FORBIDDEN");
  });
});
