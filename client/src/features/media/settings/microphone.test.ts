import { describe, expect, it } from "vitest";
import { micProblemOf } from "./microphone.ts";

describe("microphone problems", () => {
  it("names what the browser refused", () => {
    expect(micProblemOf(new DOMException("Permission denied", "NotAllowedError"))).toBe("denied");
    expect(micProblemOf(new DOMException("", "SecurityError"))).toBe("denied");
    expect(micProblemOf(new DOMException("Requested device not found", "NotFoundError"))).toBe("noDevice");
    expect(micProblemOf(new DOMException("Could not start audio source", "NotReadableError"))).toBe("busy");
    expect(micProblemOf(new DOMException("", "NotSupportedError"))).toBe("insecure");
    expect(micProblemOf(new TypeError("x"))).toBe("failed");
    expect(micProblemOf("weird")).toBe("failed");
  });
});
