// Opening the chosen microphone, and what to tell the person when the browser refuses.
// Shared by the microphone test in the settings panel and the media session, so both fall
// back the same way and name the same problems.

/** Why the microphone could not be opened; each has a message saying what to do (i18n micProblem.*). */
export type MicProblem = "denied" | "noDevice" | "busy" | "insecure" | "failed";

/**
 * Opens the microphone `micId` (undefined: the browser's default). A saved device that is gone
 * (unplugged headset: OverconstrainedError) falls back to the default rather than failing.
 */
export async function openMicrophone(micId: string | undefined): Promise<MediaStream> {
  if (micId === undefined) return navigator.mediaDevices.getUserMedia({ audio: true });
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: micId } } });
  } catch (error) {
    if (nameOf(error) !== "OverconstrainedError") throw error;
    return navigator.mediaDevices.getUserMedia({ audio: true });
  }
}

export function micProblemOf(error: unknown): MicProblem {
  // On plain http:// pages (other than localhost) browsers offer no microphone at all:
  // navigator.mediaDevices is undefined and the attempt fails with a TypeError.
  if (globalThis.isSecureContext === false) return "insecure";
  switch (nameOf(error)) {
    case "NotAllowedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "noDevice";
    case "NotReadableError":
    case "AbortError":
      return "busy";
    default:
      return "failed";
  }
}

const nameOf = (error: unknown): string | undefined => (error instanceof Error || error instanceof DOMException ? error.name : undefined);
