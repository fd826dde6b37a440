// The choices offered for one kind of device, from enumerateDevices().

export interface DeviceChoice {
  id: string;
  /** Empty until the page may use the device: browsers hide names before permission. */
  label: string;
}

/**
 * Real devices only: without permission browsers list one placeholder with an empty deviceId,
 * and Chromium adds "default" / "communications" aliases of real devices; our own 默认 entry
 * stands for the default.
 */
export function deviceChoices(devices: readonly Pick<MediaDeviceInfo, "deviceId" | "kind" | "label">[], kind: "audioinput" | "videoinput"): DeviceChoice[] {
  return devices
    .filter((d) => d.kind === kind && d.deviceId !== "" && d.deviceId !== "default" && d.deviceId !== "communications")
    .map((d) => ({ id: d.deviceId, label: d.label }));
}
