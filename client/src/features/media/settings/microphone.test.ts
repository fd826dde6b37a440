import { afterEach, describe, expect, it, vi } from "vitest";
import { micProblemOf } from "./microphone.ts";

describe("microphone problems", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("names what the browser refused", () => {
    expect(micProblemOf(new DOMException("Permission denied", "NotAllowedError"))).toBe("denied");
    expect(micProblemOf(new DOMException("", "SecurityError"))).toBe("denied");
    expect(micProblemOf(new DOMException("Requested device not found", "NotFoundError"))).toBe("noDevice");
    expect(micProblemOf(new DOMException("Could not start audio source", "NotReadableError"))).toBe("busy");
    expect(micProblemOf(new TypeError("x"))).toBe("failed");
    expect(micProblemOf("weird")).toBe("failed");
  });

  it("blames an insecure page, whatever the error", () => {
    vi.stubGlobal("isSecureContext", false);
    expect(micProblemOf(new TypeError("Cannot read properties of undefined (reading 'getUserMedia')"))).toBe("insecure");
  });
});
