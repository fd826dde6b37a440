import { useEffect, useState } from "react";

/**
 * The media devices, listed again when one is plugged in or out (devicechange) and whenever
 * `relist` changes: granting permission fires no event but reveals the devices' names.
 */
export function useDevices(relist: unknown): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media?.enumerateDevices) return;
    let alive = true;
    const list = () => {
      media.enumerateDevices().then(
        (found) => alive && setDevices(found),
        () => undefined,
      );
    };
    list();
    media.addEventListener("devicechange", list);
    return () => {
      alive = false;
      media.removeEventListener("devicechange", list);
    };
  }, [relist]);
  return devices;
}

/** The microphone permission ("granted" / "denied" / "prompt"), null where the browser cannot say. */
export function useMicPermission(): PermissionState | null {
  const [state, setState] = useState<PermissionState | null>(null);
  useEffect(() => {
    let status: PermissionStatus | null = null;
    let alive = true;
    const update = () => status && setState(status.state);
    navigator.permissions?.query({ name: "microphone" }).then(
      (found) => {
        if (!alive) return;
        status = found;
        update();
        found.addEventListener("change", update);
      },
      () => undefined, // Firefox before 131 cannot query the microphone permission.
    );
    return () => {
      alive = false;
      status?.removeEventListener("change", update);
    };
  }, []);
  return state;
}
