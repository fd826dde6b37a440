// From microphone samples to the 0–100 level the meter shows. A decibel scale, because
// loudness is heard logarithmically: a linear RMS bar barely moves for normal speech.

/** The quietest level that moves the bar; room noise of a laptop microphone stays below it. */
const FLOOR_DBFS = -60;
/** The level from which the meter says "sound heard" (about -45 dBFS: quiet speech). */
export const HEARD_LEVEL = 25;
/** How much of the previous level is kept per reading, so the bar falls back smoothly. */
const DECAY = 0.6;

/** Root mean square of samples in [-1, 1]. */
export function rmsOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
}

/** Maps an RMS amplitude to 0–100: -60 dBFS (or silence) is 0, full scale is 100. */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const dbfs = 20 * Math.log10(Math.min(rms, 1));
  return Math.round(Math.max(0, Math.min(100, ((dbfs - FLOOR_DBFS) / -FLOOR_DBFS) * 100)));
}

/** The level to show next: rises at once, falls back gradually (peak with decay). */
export const smoothedLevel = (shown: number, measured: number): number => Math.max(measured, Math.floor(shown * DECAY));
