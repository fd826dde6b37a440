// The camera is optional: without one, or when the person refuses it, they are heard without
// being seen, so a failure here never stops the microphone from opening.

/** The chosen camera's video track (undefined `cameraId`: the default), or null when there is none to use. */
export async function openCamera(cameraId: string | undefined): Promise<MediaStreamTrack | null> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.getUserMedia) return null;
  try {
    // A modest size: a phone tile or a box on the room display, over weak links too. `ideal`:
    // a saved camera that is gone (unplugged) falls back to another rather than failing.
    const stream = await media.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 360 }, ...(cameraId ? { deviceId: { ideal: cameraId } } : {}) },
    });
    return stream.getVideoTracks()[0] ?? null;
  } catch {
    return null;
  }
}
