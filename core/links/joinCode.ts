// Join codes (入会码): the short form of a personal link or a room link, typed by hand or carried
// by a small QR code (/j/<code>). Ten characters from an alphabet without look-alikes (no 0/O,
// 1/I/L), about 49 bits; shown grouped (ABCD-EFGH-JK); case, dashes and spaces are ignored.

/** Digits 2–9 and letters without I, L and O: 31 characters nobody confuses on paper. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 10;

/** A new code from a source of random bytes (the server's CSPRNG); rejection sampling keeps every character equally likely. */
export function newJoinCode(randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/** The code as typed, in canonical form (upper case, no dashes or spaces); null when it cannot be a code. */
export function normalizeJoinCode(typed: string): string | null {
  const code = typed.replace(/[\s\-‐‑–—_·.]/g, "").toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** Grouped for reading and typing: ABCD-EFGH-JK. */
export const formatJoinCode = (code: string): string => (code.match(/.{1,4}/g) ?? []).join("-");

/** The short URL a QR code carries: <base>/j/<code>. */
export const shortJoinUrl = (baseUrl: string, code: string): string => `${baseUrl.replace(/\/+$/, "")}/j/${code}`;
