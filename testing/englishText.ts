// Checks for English text (tests only): no full-width punctuation, no stray capital after a
// joining word. The English UI is set in the same CJK-first font stack as the Chinese (theme.css:
// PingFang SC, Microsoft YaHei, Noto Sans CJK SC), which draws these characters a full em wide: in
// Chromium at 20 px with Noto Sans CJK SC, “ is 20 px where " is 9.5, and … 21 px where ... is 17.

/**
 * Full-width punctuation: the CJK symbols block (、。「」【】〔〕), the full-width forms
 * (：，（）；！？), the curly quotes and the ellipsis character, which those fonts set full-width.
 * The middle dot (·, a separator with spaces around it in both languages) and the dashes (– —) pass.
 */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026]/gu;

export interface Finding {
  key: string;
  char: string;
  /** e.g. U+FF1A */
  codePoint: string;
  context: string;
}

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Every full-width punctuation character in `text`, named with `key`. `allowed`: literal
 * pieces of Chinese data the text quotes on purpose (the import format's 【采纳】, say), which are
 * cut out first.
 */
export function fullWidthIn(key: string, text: string, allowed: readonly string[] = []): Finding[] {
  const scanned = allowed.reduce((t, piece) => t.split(piece).join(" ".repeat(piece.length)), text);
  return [...scanned.matchAll(FULL_WIDTH)].map((m) => ({
    key,
    char: m[0],
    codePoint: codePoint(m[0]),
    context: text.slice(Math.max(0, m.index - 20), m.index + 20),
  }));
}

/** Every string in a nested resource object, with its dotted key (poll.rules.majorityOfCast). */
export function* strings(value: unknown, path = ""): Generator<[key: string, text: string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) yield* strings(v, path === "" ? k : `${path}.${k}`);
}

/** One line per finding: `poll.colon: "：" (U+FF1A) in "…"`, for a failure message that names key and character. */
export const describeFindings = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.key}: "${f.char}" (${f.codePoint}) in ${JSON.stringify(f.context)}`);

/** A capital right after a joining word inside a sentence ("; and At least", ", or More"). */
export function strayCapitals(key: string, text: string): string[] {
  return [...text.matchAll(/(?:[;,]|\b(?:and|or|then|but))\s+(?:"[^"]*":\s+)?([A-Z][a-z]+)/gu)]
    .filter((m) => !/^(I|Excel|CSV|GBK|UTF|Civil|Chinese|English|Yishiting)$/u.test(m[1]!))
    .map((m) => `${key}: stray capital "${m[1]}" in ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10))}`);
}
