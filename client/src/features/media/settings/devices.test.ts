import { describe, expect, it } from "vitest";
import { deviceChoices } from "./devices.ts";

describe("device choices", () => {
  it("lists the real devices of one kind, without the browser's aliases", () => {
    const devices = [
      { kind: "audioinput", deviceId: "default", label: "Default - Headset" },
      { kind: "audioinput", deviceId: "communications", label: "Communications - Headset" },
      { kind: "audioinput", deviceId: "a1", label: "Headset" },
      { kind: "audioinput", deviceId: "a2", label: "Built-in" },
      { kind: "videoinput", deviceId: "v1", label: "Camera" },
      { kind: "audiooutput", deviceId: "o1", label: "Speakers" },
    ] as const;
    expect(deviceChoices(devices, "audioinput")).toEqual([
      { id: "a1", label: "Headset" },
      { id: "a2", label: "Built-in" },
    ]);
    expect(deviceChoices(devices, "videoinput")).toEqual([{ id: "v1", label: "Camera" }]);
  });

  it("drops the placeholder listed before permission", () => {
    expect(deviceChoices([{ kind: "audioinput", deviceId: "", label: "" }], "audioinput")).toEqual([]);
  });
});
