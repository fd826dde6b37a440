// A command's id (`cid`, docs/protocol.md): made once per command, sent again unchanged when the
// command is resent, so the meeting applies it once.

/**
 * A random UUID (version 4). Not crypto.randomUUID: browsers give it only to secure contexts
 * (HTTPS, localhost), and a meeting may be served over plain HTTP on a venue's network;
 * getRandomValues is everywhere.
 */
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
