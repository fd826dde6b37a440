// The camera is optional: without one, or when the person refuses it, they are heard without
// being seen, so a failure here never stops the microphone from opening.

/** The chosen camera's video track (undefined `cameraId`: the default), or null when there is none to use. */
export async function openCamera(cameraId: string | undefined): Promise<MediaStreamTrack | null> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.getUserMedia) return null;
  // A modest size: a phone tile or a box on the room display, over weak links too.
  const size = { width: { ideal: 640 }, height: { ideal: 360 } };
  const open = async (video: MediaTrackConstraints) => (await media.getUserMedia({ video })).getVideoTracks()[0] ?? null;
  try {
    // `exact`: Chromium ignores an `ideal` deviceId.
    return await open(cameraId ? { ...size, deviceId: { exact: cameraId } } : size);
  } catch {
    // The saved camera is gone (unplugged): the default instead; refused or none: no camera.
    return cameraId ? open(size).catch(() => null) : null;
  }
}
