// What changed between two versions of the minutes (pure, shared with the browser's 比较 view):
// the blocks' plain text aligned block by block with jsdiff's array diff, and for a block that
// was edited (a removed block facing an added one in the same stretch) the characters that
// changed, so a one-character correction in a long paragraph shows as that character.
import { diffArrays, diffChars } from "diff";
import type { Block } from "./blocks.ts";

export type DiffOp = "same" | "added" | "removed";

export interface DiffPart {
  text: string;
  op: DiffOp;
}

export interface DiffRow {
  op: DiffOp | "changed";
  before: string | null;
  after: string | null;
  /** The row's text in pieces: character-level for "changed", one piece otherwise. */
  parts: DiffPart[];
}

/** Beyond this many edits two texts are shown as replaced whole, not character by character. */
const MAX_CHAR_EDITS = 1000;

/** A block as plain text: its text, or its runs joined; an entry starts with its marker. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case "title":
    case "number":
    case "heading":
      return block.text;
    case "paragraph":
    case "signature":
      return block.runs.map((r) => r.text).join("");
    case "entry":
      return `${block.marker} ${block.runs.map((r) => r.text).join("")}`;
  }
}

export function diffMinutes(before: readonly Block[], after: readonly Block[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  // A stretch of removals and additions between common blocks: pair them up in order as edits.
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) rows.push(changed(removed[i]!, added[i]!));
    for (const text of removed.slice(paired)) rows.push({ op: "removed", before: text, after: null, parts: [{ text, op: "removed" }] });
    for (const text of added.slice(paired)) rows.push({ op: "added", before: null, after: text, parts: [{ text, op: "added" }] });
    removed = [];
    added = [];
  };
  for (const change of diffArrays(before.map(blockText), after.map(blockText))) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const text of change.value) rows.push({ op: "same", before: text, after: text, parts: [{ text, op: "same" }] });
    }
  }
  flush();
  return rows;
}

function changed(before: string, after: string): DiffRow {
  const chars = diffChars(before, after, { maxEditLength: MAX_CHAR_EDITS });
  const parts: DiffPart[] = chars
    ? chars.map((c) => ({ text: c.value, op: c.added ? "added" : c.removed ? "removed" : "same" }))
    : [
        { text: before, op: "removed" },
        { text: after, op: "added" },
      ];
  return { op: "changed", before, after, parts };
}
