// Receipt codes (回执): 24 characters of base32 (120 bits), shown to the resident once; only their
// SHA-256 is stored, so the database (or a backup of it) cannot be turned into receipt links.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const RECEIPT_LENGTH = 24;

export const newReceiptCode = (): string => [...randomBytes(RECEIPT_LENGTH)].map((b) => ALPHABET[b % ALPHABET.length]).join("");

export const receiptHash = (code: string): string => createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
