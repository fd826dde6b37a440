// Files from the REST API (statistics, minutes, speech lists, the ledger's exports) fetched with
// the join token in the Authorization header (never in the URL) or, in the admin app, the session
// cookie, then handed to the browser as a download through a temporary object URL.
import { httpClient } from "../http/api.ts";

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

/**
 * Fetches `url` with the token (null: the same-origin session cookie) and saves it under the
 * server's file name (else `fallbackName`).
 */
export async function downloadFile(url: string, token: string | null, fallbackName: string): Promise<void> {
  const response = await httpClient({ token }).file(url);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = objectUrl;
    link.download = fileNameOf(response.headers.get("content-disposition")) ?? fallbackName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Some browsers read the blob after the click returns: free it a little later.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 30_000);
  }
}
