import type { ReactNode } from "react";
import "./confirmationScreen.css";

/** How a line of a document is set on screen (each document maps its own line kinds to these). */
export type LineStyle = "title" | "heading" | "plain" | "indent" | "right" | "sign";

export interface DocumentLine {
  style: LineStyle;
  text: ReactNode;
}

/**
 * A document's full text as lines (a collective contract, a 调解协议书), scrolling inside its box:
 * on the confirmation screen and on the staff's page.
 */
export function DocumentText({ lines, testId, focusable = false }: { lines: readonly DocumentLine[]; testId: string; focusable?: boolean }) {
  return (
    <div className="document-text" data-testid={testId} tabIndex={focusable ? 0 : undefined}>
      {lines.map((line, i) =>
        line.style === "title" ? (
          <h3 key={i} className="document-line is-title">
            {line.text}
          </h3>
        ) : (
          <p key={i} className={`document-line is-${line.style}`}>
            {line.text}
          </p>
        ),
      )}
    </div>
  );
}
