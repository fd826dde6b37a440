// 导出 CSV / Excel: the files come from the REST API (docs/api.md#speaking-statistics-发言统计),
// fetched with the join token in the Authorization header (never in the URL), then saved through
// a temporary object URL.

export type StatsFormat = "csv" | "xlsx";

/** The UTF-8 file name of a Content-Disposition header (RFC 5987 `filename*`), if any. */
export function fileNameOf(disposition: string | null): string | null {
  const match = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** Fetches the meeting's statistics file and hands it to the browser as a download. */
export async function downloadStatistics(meetingId: string, format: StatsFormat, token: string, fallbackName: string): Promise<void> {
  const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/statistics.${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`statistics.${format}: ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileNameOf(response.headers.get("content-disposition")) ?? fallbackName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Some browsers read the blob after the click returns: free it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
