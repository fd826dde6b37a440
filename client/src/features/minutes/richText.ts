// The text of a block edited in place (contentEditable) and the runs stored for it. The DOM is
// read back into runs {text, bold} — no HTML is ever stored or sent — and runs are put into the
// DOM as text nodes and <strong> elements, never as markup strings.
import type { Run } from "@core/minutes/blocks.ts";

/** The parts of a DOM node the reader looks at: a browser's Node fits. */
export interface RichNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<RichNode>;
  style?: { fontWeight?: string };
}

const TEXT_NODE = 3;
const BREAK = "break";
const ELEMENT_NODE = 1;
const BOLD_TAGS = new Set(["B", "STRONG"]);
/** Elements a browser may wrap lines in (Enter is intercepted, but pasting or IME can add them). */
const LINE_TAGS = new Set(["DIV", "P", "LI", "H1", "H2", "H3", "H4", "H5", "H6"]);
/** Never text, whatever they contain. */
const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE"]);

/** Whether an element makes its content bold (`<b>`, `<strong>`, a font-weight), plain, or neither. */
function boldOf(node: RichNode, inherited: boolean): boolean {
  let bold = inherited || BOLD_TAGS.has(node.nodeName.toUpperCase());
  const weight = node.style?.fontWeight;
  if (weight) {
    const number = Number(weight);
    if (weight === "bold" || weight === "bolder" || number >= 600) bold = true;
    else if (weight === "normal" || weight === "lighter" || number > 0) bold = false;
  }
  return bold;
}

/**
 * The runs of an edited block: text in document order, bold where a bold element or style
 * applies. Line breaks (a `<br>`, a new line element) become one space, except at the ends, where
 * the browser leaves a `<br>` in an emptied field; non-breaking spaces the browser puts in for
 * repeated spaces become plain spaces. Full-width spaces (U+3000, used in the signature lines)
 * are kept.
 */
export function domToRuns(root: RichNode): Run[] {
  const pieces: (Run | typeof BREAK)[] = [];
  const walk = (node: RichNode, bold: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const text = (child.nodeValue ?? "").replace(/\u00a0/g, " ").replace(/[\u200b\r\n]/g, "");
        if (text) pieces.push({ text, bold });
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = child.nodeName.toUpperCase();
        if (SKIPPED_TAGS.has(tag)) continue;
        if (tag === "BR") pieces.push(BREAK);
        else {
          const line = LINE_TAGS.has(tag);
          if (line) pieces.push(BREAK);
          walk(child, boldOf(child, bold));
          if (line) pieces.push(BREAK);
        }
      }
    }
  };
  walk(root, false);
  let start = 0;
  let end = pieces.length;
  while (start < end && pieces[start] === BREAK) start++;
  while (end > start && pieces[end - 1] === BREAK) end--;
  const runs: Run[] = [];
  let broken = false;
  for (const piece of pieces.slice(start, end)) {
    if (piece === BREAK) broken = true;
    else {
      // The space takes the weight of the text before it, so a bold phrase is not split.
      if (broken) runs.push({ text: " ", bold: runs.at(-1)?.bold ?? false });
      broken = false;
      runs.push(piece);
    }
  }
  return normalizeRuns(runs);
}

/** Adjacent runs of the same weight merged, empty runs dropped, `bold` only where true. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const bold = run.bold === true;
    const previous = out.at(-1);
    if (previous && (previous.bold === true) === bold) previous.text += run.text;
    else out.push(bold ? { text: run.text, bold: true } : { text: run.text });
  }
  return out;
}

/** Replaces the children of `element` with the runs: text nodes, bold ones inside <strong>. */
export function renderRuns(element: HTMLElement, runs: readonly Run[]): void {
  const doc = element.ownerDocument;
  element.replaceChildren(
    ...runs.map((run) => {
      if (!run.bold) return doc.createTextNode(run.text);
      const strong = doc.createElement("strong");
      strong.textContent = run.text;
      return strong;
    }),
  );
}

export const plainText = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");
