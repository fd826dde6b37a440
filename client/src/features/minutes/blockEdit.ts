// The editor's view of a block: one of eight kinds a clerk picks from (标题, 文号, 一级标题,
// 二级标题, 正文, 条目, 子条目, 落款) and its runs. Title, 文号 and headings hold plain text; the
// others hold runs that may be bold. Changing the kind keeps the words (bold is dropped where
// the new kind has none).
import type { Block, Run } from "@core/minutes/blocks.ts";
import { normalizeRuns, plainText } from "./richText.ts";

export const BLOCK_KINDS = ["title", "number", "heading1", "heading2", "paragraph", "entry", "subentry", "signature"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** The marker a new entry gets (the clerk can change it: 1. 2. … or a dash). */
const NEW_MARKER = "-";

export function kindOf(block: Block): BlockKind {
  switch (block.kind) {
    case "heading":
      return block.level === 1 ? "heading1" : "heading2";
    case "entry":
      return block.level === 0 ? "entry" : "subentry";
    default:
      return block.kind;
  }
}

/** Whether the kind keeps bold runs (the others are plain text). */
export const isRich = (kind: BlockKind): boolean => kind === "paragraph" || kind === "entry" || kind === "subentry" || kind === "signature";

export function runsOf(block: Block): Run[] {
  return "runs" in block ? block.runs : block.text ? [{ text: block.text }] : [];
}

/** A block of `kind` with these runs (flattened to text for the plain kinds); `marker` for entries. */
export function makeBlock(kind: BlockKind, runs: readonly Run[], marker = NEW_MARKER): Block {
  const text = plainText(runs);
  const rich = normalizeRuns(runs);
  switch (kind) {
    case "title":
    case "number":
      return { kind, text };
    case "heading1":
    case "heading2":
      return { kind: "heading", level: kind === "heading1" ? 1 : 2, text };
    case "entry":
    case "subentry":
      return { kind: "entry", level: kind === "entry" ? 0 : 1, marker, runs: rich };
    case "paragraph":
    case "signature":
      return { kind, runs: rich };
  }
}

export const markerOf = (block: Block): string | undefined => (block.kind === "entry" ? block.marker : undefined);

export const withKind = (block: Block, kind: BlockKind): Block => makeBlock(kind, runsOf(block), markerOf(block));
export const withRuns = (block: Block, runs: readonly Run[]): Block => makeBlock(kindOf(block), runs, markerOf(block));
export const withMarker = (block: Block, marker: string): Block => makeBlock(kindOf(block), runsOf(block), marker);
