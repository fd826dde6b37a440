import { describe, expect, it } from "vitest";
import { parseMediaPrefs } from "./mediaPrefs.ts";

describe("parseMediaPrefs", () => {
  it("keeps a member who had switched audio-only on in audio only, and gives everyone else auto", () => {
    expect(parseMediaPrefs(JSON.stringify({ micId: "m1", audioOnly: true }))).toEqual({ micId: "m1", cameraId: undefined, listenMode: "audioOnly" });
    expect(parseMediaPrefs(JSON.stringify({ micId: "m1", cameraId: "c1", audioOnly: false }))).toEqual({ micId: "m1", cameraId: "c1", listenMode: "auto" });
    expect(parseMediaPrefs(null)).toEqual({ micId: undefined, cameraId: undefined, listenMode: "auto" });
  });

  it("reads the listen mode once stored, over an old audioOnly, and ignores what it does not know", () => {
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "full", audioOnly: true })).listenMode).toBe("full");
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "audioOnly" })).listenMode).toBe("audioOnly");
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "auto" })).listenMode).toBe("auto");
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "video", micId: 3 }))).toEqual({ micId: undefined, cameraId: undefined, listenMode: "auto" });
    expect(parseMediaPrefs("{not json")).toEqual({ listenMode: "auto" });
  });
});
