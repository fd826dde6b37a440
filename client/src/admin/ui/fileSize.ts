// A file's or a set of files' size for people: bytes, KB, MB or GB (binary units, as the
// materials' upload limit is counted), one decimal from MB up.
const UNITS = ["KB", "MB", "GB"] as const;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Carry to the next unit when rounding would show 1024 of this one.
  while (unit < UNITS.length - 1 && (unit === 0 ? Math.round(value) : Number(value.toFixed(1))) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} KB` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
