// Word error rate: the word-level Levenshtein distance (substitutions, deletions, insertions)
// between what was said and what was recognised, divided by the number of words said. Case and
// punctuation do not count. Chinese is written without spaces, so each CJK character counts as
// a word there (the character error rate usual for Chinese).

/** Han ideographs (with extensions A and B…), kana and Hangul syllables: one token each. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  // Letters, digits and inner apostrophes make words; anything else separates them.
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []) {
    let latin = "";
    for (const char of run) {
      if (CJK.test(char)) {
        if (latin) words.push(latin);
        latin = "";
        words.push(char);
      } else latin += char;
    }
    if (latin) words.push(latin);
  }
  return words.map((word) => word.replace(/’/g, "'"));
}

/** Edits per word said: 0 is perfect; above 1 when much more was recognised than said. An empty reference gives 0 for an empty hypothesis, else 1. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const said = wordsOf(reference);
  const heard = wordsOf(hypothesis);
  if (said.length === 0) return heard.length === 0 ? 0 : 1;
  // One row of the edit-distance table at a time.
  let previous = Array.from({ length: heard.length + 1 }, (_, j) => j);
  for (let i = 1; i <= said.length; i++) {
    const row = [i];
    for (let j = 1; j <= heard.length; j++) {
      const substitution = previous[j - 1]! + (said[i - 1] === heard[j - 1] ? 0 : 1);
      row.push(Math.min(substitution, previous[j]! + 1, row[j - 1]! + 1));
    }
    previous = row;
  }
  return previous[heard.length]! / said.length;
}
