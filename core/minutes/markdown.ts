// The minutes as Markdown (pure: the same text on the server and in the browser's future editor).
import { flatten } from "./format.ts";
import { minutesBlocks, type Block, type Run } from "./blocks.ts";
import type { Minutes } from "./minutes.ts";

/** Markdown's own characters in user text are escaped so a summary cannot restyle the document. */
const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, "\\$1");
/** One line per paragraph: line breaks inside user text are flattened. */
const inline = (runs: readonly Run[]) => runs.map((r) => (r.bold ? `**${escape(flatten(r.text))}**` : escape(flatten(r.text)))).join("");

export function renderBlocksMarkdown(blocks: readonly Block[]): string {
  const lines: string[] = [];
  let previous: Block["kind"] | null = null;
  for (const b of blocks) {
    // Consecutive entries form one list; everything else is separated by a blank line.
    if (previous !== null && !(b.kind === "entry" && previous === "entry")) lines.push("");
    switch (b.kind) {
      case "title":
        lines.push(`# ${escape(b.text)}`);
        break;
      case "number":
        lines.push(escape(b.text));
        break;
      case "heading":
        lines.push(`${b.level === 1 ? "##" : "###"} ${escape(b.text)}`);
        break;
      case "paragraph":
      case "signature":
        lines.push(inline(b.runs));
        break;
      case "entry":
        lines.push(`${b.level === 1 ? "   " : ""}${b.marker} ${inline(b.runs)}`);
        break;
    }
    previous = b.kind;
  }
  return `${lines.join("\n")}\n`;
}

export const renderMinutesMarkdown = (minutes: Minutes): string => renderBlocksMarkdown(minutesBlocks(minutes));
