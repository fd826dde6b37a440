import type { Block, Run } from "@core/minutes/blocks.ts";
import { kindOf } from "./blockEdit.ts";

export function RunsText({ runs }: { runs: readonly Run[] }) {
  return runs.map((run, i) => (run.bold ? <strong key={i}>{run.text}</strong> : <span key={i}>{run.text}</span>));
}

/** A version read, not edited: laid out like the document (title centred, headings, entries indented, signature right). */
export function MinutesDocument({ blocks }: { blocks: readonly Block[] }) {
  return (
    <article className="minutes-doc" data-testid="minutes-document">
      {blocks.map((block, i) => {
        const className = `md-block md-${kindOf(block)}`;
        switch (block.kind) {
          case "title":
            return (
              <h3 key={i} className={className}>
                {block.text}
              </h3>
            );
          case "heading":
            return block.level === 1 ? (
              <h4 key={i} className={className}>
                {block.text}
              </h4>
            ) : (
              <h5 key={i} className={className}>
                {block.text}
              </h5>
            );
          case "number":
            return (
              <p key={i} className={className}>
                {block.text}
              </p>
            );
          case "entry":
            return (
              <p key={i} className={className}>
                <span className="md-marker">{block.marker}</span> <RunsText runs={block.runs} />
              </p>
            );
          case "paragraph":
          case "signature":
            return (
              <p key={i} className={className}>
                <RunsText runs={block.runs} />
              </p>
            );
        }
      })}
    </article>
  );
}
