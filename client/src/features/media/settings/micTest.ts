// The microphone test: opens the chosen microphone and reports its level ten times a second
// through a Web Audio AnalyserNode (nothing is played back, so no echo). stop() releases the
// device: tracks stopped, AudioContext closed, so the browser's "recording" indicator goes out.
import { HEARD_LEVEL, levelFromRms, rmsOf, smoothedLevel } from "./micLevel.ts";
import { openMicrophone } from "./microphone.ts";

export interface MicReading {
  /** 0–100, see micLevel.ts. */
  level: number;
  /** Sound above HEARD_LEVEL within the last HOLD_MS: speech has pauses, the verdict should not flicker. */
  heard: boolean;
}

const INTERVAL_MS = 100;
const HOLD_MS = 1500;

export class MicTest {
  private stream: MediaStream | null = null;
  private audio: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Bumped by every start and stop, so a microphone that opens after stop() is released at once. */
  private generation = 0;

  constructor(private readonly onReading: (reading: MicReading) => void) {}

  /**
   * Opens `micId` (undefined: default) and starts reporting. Resolves false when stopped or
   * restarted meanwhile (a slow permission prompt); rejects as getUserMedia does otherwise.
   */
  async start(micId: string | undefined): Promise<boolean> {
    this.stop();
    const generation = this.generation;
    let stream: MediaStream;
    try {
      stream = await openMicrophone(micId);
    } catch (error) {
      if (generation !== this.generation) return false;
      throw error;
    }
    if (generation !== this.generation) {
      stopTracks(stream);
      return false;
    }
    const audio = new AudioContext();
    this.stream = stream;
    this.audio = audio;
    const analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    audio.createMediaStreamSource(stream).connect(analyser);
    // Created on a click, so autoplay rules allow it to run; resume in case the browser disagrees.
    void audio.resume().catch(() => undefined);
    const samples = new Float32Array(analyser.fftSize);
    let shown = 0;
    let heardAt = -Infinity;
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const measured = levelFromRms(rmsOf(samples));
      const now = performance.now();
      if (measured >= HEARD_LEVEL) heardAt = now;
      shown = smoothedLevel(shown, measured);
      this.onReading({ level: shown, heard: now - heardAt < HOLD_MS });
    }, INTERVAL_MS);
    return true;
  }

  stop(): void {
    this.generation++;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
    this.onReading({ level: 0, heard: false });
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
