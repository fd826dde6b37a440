import { useEffect, useRef } from "react";
import "./media.css";

/**
 * One video, always muted: sound plays through the media session's single audio element, so a
 * tile never doubles it (and muted video may autoplay on phones).
 */
export function VideoTile({ stream, label, size, testId }: { stream: MediaStream; label?: string; size: "main" | "small"; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
  }, [stream]);
  return (
    <figure className={`video-tile video-${size}`} data-testid={testId}>
      <video ref={ref} muted autoPlay playsInline aria-label={label} />
      {label && <figcaption>{label}</figcaption>}
    </figure>
  );
}
