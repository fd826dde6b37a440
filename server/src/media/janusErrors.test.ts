import { describe, expect, it } from "vitest";
import { MediaError, mediaErrorCode } from "./janusErrors.ts";

describe("mediaErrorCode", () => {
  it("answers a MediaError with its own code", () => {
    expect(mediaErrorCode(new MediaError("NOT_FOUND", "no such feed"))).toBe("NOT_FOUND");
    expect(mediaErrorCode(new MediaError("MEDIA_UNAVAILABLE", "down"))).toBe("MEDIA_UNAVAILABLE");
  });

  it("answers Janus refusing the SDP with VALIDATION (janode's _code, or the number the message starts with)", () => {
    for (const code of [429, 433, 437, 463, 465]) expect(mediaErrorCode(Object.assign(new Error("refused"), { _code: code }))).toBe("VALIDATION");
    expect(mediaErrorCode(new Error("465 SDP error"))).toBe("VALIDATION");
  });

  it("answers a feed gone in the meantime (428) with NOT_FOUND", () => {
    expect(mediaErrorCode(Object.assign(new Error("gone"), { _code: 428 }))).toBe("NOT_FOUND");
    expect(mediaErrorCode(new Error("428 No such feed"))).toBe("NOT_FOUND");
  });

  it("leaves every other failure to INTERNAL (undefined)", () => {
    for (const code of [427, 438, 462, 466, 500]) expect(mediaErrorCode(Object.assign(new Error("other"), { _code: code }))).toBeUndefined();
    expect(mediaErrorCode(Object.assign(new Error("433 looks like one"), { _code: "433" }))).toBeUndefined();
    expect(mediaErrorCode(new Error("boom"))).toBeUndefined();
    expect(mediaErrorCode(undefined)).toBeUndefined();
    expect(mediaErrorCode("433 a string")).toBeUndefined();
  });
});
