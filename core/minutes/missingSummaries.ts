// Which speeches and responses in a minutes version still have no summary: what the chair is
// shown before approving (审定). Read from the version's blocks, the document being approved,
// so a summary the clerk typed in the editor counts as written.
import type { Block } from "./blocks.ts";
import { NO_SUMMARY } from "./format.ts";

export interface MissingSummary {
  kind: "speech" | "response";
  /** The speaker's (or responder's) name, as in the document. */
  name: string;
  /** The entry's text, up to its first full stop (kind, title, time), for the list. */
  line: string;
}

const RESPONSE = "插话回应：";
const RESPONSE_SUMMARY = "回应要点：";

export function missingSummaries(blocks: readonly Block[]): MissingSummary[] {
  const out: MissingSummary[] = [];
  for (const block of blocks) {
    if (block.kind !== "entry") continue;
    const text = block.runs.map((r) => r.text).join("");
    const name = block.runs.find((r) => r.bold)?.text ?? "";
    const line = text.split("。")[0]!.replace(/^插话回应：/, "");
    if (block.level === 1 && text.startsWith(RESPONSE)) {
      // A response line without a summary ends with its time and outcome (no placeholder).
      if (!text.includes(RESPONSE_SUMMARY)) out.push({ kind: "response", name, line });
    } else if (text.includes(NO_SUMMARY)) {
      out.push({ kind: "speech", name, line });
    }
  }
  return out;
}
