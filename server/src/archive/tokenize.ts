// Chinese-capable full-text search on SQLite FTS5 without a Chinese tokenizer (docs/archive.md).
// FTS5's unicode61 tokenizer does not segment Chinese (a whole sentence is one token) and its
// trigram tokenizer cannot match 2-character words (电梯, 物业). So the text is tokenized here,
// before it reaches SQLite: each run of CJK characters becomes its overlapping character bigrams
// followed by its last character alone (电梯间 → 电梯 梯间 间), Latin words and numbers stay
// whole words, and the tokens are joined by spaces into a column that unicode61 merely splits.
// A query is tokenized the same way and searched as a phrase (consecutive tokens), so 电梯 matches
// only the adjacent pair, and 老旧小 only 老旧 followed by 旧小, i.e. the three characters in a row.

/** Han characters and Japanese kana: written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Letters and digits of other scripts: whole words. */
const WORD = /[\p{L}\p{N}]/u;

type Piece = { kind: "cjk" | "word"; text: string };

/** Full-width forms to ASCII (２号楼 → 2号楼), lower case. Per code point, so lengths map back. */
const normalizeChar = (ch: string): string => ch.normalize("NFKC").toLowerCase();

/** The text as runs of CJK characters and words, everything else a separator. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let current = null as Piece | null;
  for (const raw of text) {
    for (const ch of normalizeChar(raw)) {
      const kind = CJK.test(ch) ? "cjk" : WORD.test(ch) ? "word" : null;
      if (kind === null) {
        current = null;
        continue;
      }
      if (current?.kind === kind) current.text += ch;
      else {
        current = { kind, text: ch };
        out.push(current);
      }
    }
  }
  return out;
}

/** A CJK run as tokens: its bigrams, then (if `tail`) its last character alone. */
function runTokens(run: string, tail: boolean): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  if (tail || chars.length === 1) out.push(chars[chars.length - 1]!);
  return out;
}

/** The tokens of a text to index, in order. */
export function indexTokens(text: string): string[] {
  return pieces(text).flatMap((p) => (p.kind === "cjk" ? runTokens(p.text, true) : [p.text]));
}

/** The indexed column: the tokens separated by spaces (FTS5 unicode61 splits on them). */
export const indexColumn = (text: string): string => indexTokens(text).join(" ");

export interface QueryTerm {
  /** The term's tokens; matched as a phrase. */
  tokens: string[];
  /** The last token is a single CJK character: matched as a prefix (any bigram starting with it). */
  prefix: boolean;
}

/**
 * A query as terms (separated by whitespace; all must match). Inside a term the tokens follow
 * the index's scheme, except that the term's last CJK run does not get its lone last character:
 * in the text that run may go on (电梯 inside 电梯间), where the index has no lone 梯. A term
 * ending in a single CJK character matches it as a prefix instead (梯 matches 梯间 and a final 梯).
 */
export function queryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const part of q.split(/\s+/u)) {
    const ps = pieces(part);
    if (ps.length === 0) continue;
    const tokens: string[] = [];
    let prefix = false;
    ps.forEach((p, i) => {
      const last = i === ps.length - 1;
      if (p.kind === "word") tokens.push(p.text);
      else if (!last) tokens.push(...runTokens(p.text, true));
      else if ([...p.text].length === 1) {
        tokens.push(p.text);
        prefix = true;
      } else tokens.push(...runTokens(p.text, false));
    });
    terms.push({ tokens, prefix });
  }
  return terms;
}

/** The FTS5 MATCH expression for the terms (phrases ANDed), or null when the query has no tokens. */
export function matchExpression(terms: readonly QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  // Tokens hold only letters, digits and CJK characters, so a double-quoted string is safe.
  return terms.map((t) => `"${t.tokens.join(" ")}"${t.prefix ? " *" : ""}`).join(" AND ");
}

/**
 * The same query for PostgreSQL's `to_tsquery('simple', …)` (pgArchiveStorage.ts), or null when
 * it has no tokens: each term's tokens in a row (`<->`, the FTS5 phrase), the last one a prefix
 * (`:*`) where the term ends in a single CJK character, the terms ANDed (`&`).
 */
export function tsQuery(terms: readonly QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  // Tokens hold only letters, digits and CJK characters, so a single-quoted lexeme is safe.
  const term = (t: QueryTerm) => t.tokens.map((token, i) => `'${token}'${t.prefix && i === t.tokens.length - 1 ? ":*" : ""}`).join(" <-> ");
  return terms.map((t) => `(${term(t)})`).join(" & ");
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A short excerpt of `text` around the first match of the query's terms, split into parts with
 * the matches marked. Matching here compares the characters that carry tokens (letters, digits,
 * CJK; normalized and lower-cased), so it marks what the index matched, punctuation aside.
 */
export function snippet(text: string, q: string, width = 80): SnippetPart[] {
  // The significant characters of the text and where each sits in the original.
  const sig: string[] = [];
  const at: { start: number; end: number }[] = [];
  let offset = 0;
  for (const raw of text) {
    const start = offset;
    offset += raw.length;
    for (const ch of normalizeChar(raw)) {
      if (CJK.test(ch) || WORD.test(ch)) {
        sig.push(ch);
        at.push({ start, end: offset });
      }
    }
  }
  const haystack = sig.join("");
  // Positions in `haystack` are code-unit offsets; map them to `sig` indexes.
  const index: number[] = [];
  sig.forEach((ch, i) => {
    for (let k = 0; k < ch.length; k++) index.push(i);
  });
  const ranges: { start: number; end: number }[] = [];
  for (const part of q.split(/\s+/u)) {
    const needle = pieces(part)
      .map((p) => p.text)
      .join("");
    if (needle === "") continue;
    let from = 0;
    for (;;) {
      const found = haystack.indexOf(needle, from);
      if (found < 0) break;
      const first = index[found]!;
      const last = index[found + needle.length - 1]!;
      ranges.push({ start: at[first]!.start, end: at[last]!.end });
      from = found + needle.length;
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  const firstMatch = merged[0];
  const windowStart = firstMatch ? Math.max(0, firstMatch.start - Math.floor(width / 3)) : 0;
  const windowEnd = Math.min(text.length, Math.max(windowStart + width, firstMatch?.end ?? 0));
  const parts: SnippetPart[] = [];
  const push = (s: string, match: boolean) => {
    if (s !== "") parts.push({ text: s, match });
  };
  if (windowStart > 0) push("…", false);
  let cursor = windowStart;
  for (const r of merged) {
    if (r.end <= windowStart || r.start >= windowEnd) continue;
    const s = Math.max(r.start, cursor);
    push(text.slice(cursor, s), false);
    push(text.slice(s, Math.min(r.end, windowEnd)), true);
    cursor = Math.min(r.end, windowEnd);
  }
  push(text.slice(cursor, windowEnd), false);
  if (windowEnd < text.length) push("…", false);
  return parts;
}
