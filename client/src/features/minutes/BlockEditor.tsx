import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Block, Run } from "@core/minutes/blocks.ts";
import { BLOCK_KINDS, isRich, kindOf, makeBlock, runsOf, withKind, withMarker, withRuns, type BlockKind } from "./blockEdit.ts";
import { domToRuns, renderRuns } from "./richText.ts";

/** A block in the editor: `id` keeps its DOM across moves; a new `rev` puts its runs into the DOM again. */
export interface EditBlock {
  id: string;
  block: Block;
  rev: number;
}

let nextId = 0;
export const toEditBlocks = (blocks: readonly Block[]): EditBlock[] => blocks.map((block) => ({ id: `b${nextId++}`, block, rev: 0 }));
export const fromEditBlocks = (blocks: readonly EditBlock[]): Block[] => blocks.map((b) => b.block);

type Focus = { id: string; target: "text" | "up" | "down" };

/**
 * The structured editor: one row per block with its text edited in place (rich text for 正文,
 * 条目, 子条目 and 落款: bold with the B button or Ctrl+B), and one toolbar above them, kept in
 * view, that acts on the current block (the one last focused): its kind, its entry marker, bold,
 * move up or down, add a block below, delete. Enter adds a block below instead of a line break.
 */
export function BlockEditor({ blocks, onChange }: { blocks: readonly EditBlock[]; onChange: (blocks: EditBlock[]) => void }) {
  const { t } = useTranslation();
  const focusNext = useRef<Focus | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const setFocus = (focus: Focus) => {
    focusNext.current = focus;
    setCurrentId(focus.id);
  };

  // After a move, an addition or a removal the rows changed: put the focus where the clerk works.
  useEffect(() => {
    const focus = focusNext.current;
    if (!focus) return;
    focusNext.current = null;
    // The text in its row; the move buttons in the toolbar (which now acts on the moved block).
    const text = document.querySelector<HTMLElement>(`[data-block-id="${focus.id}"] [contenteditable]`);
    const tool = document.querySelector<HTMLElement>(`[data-testid="minutes-toolbar"] [data-action="${focus.target}"]`);
    (focus.target === "text" ? text : tool)?.focus();
  });

  const replace = (i: number, block: Block, rerender = false) =>
    onChange(blocks.map((b, j) => (j === i ? { ...b, block, rev: rerender ? b.rev + 1 : b.rev } : b)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...blocks];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    onChange(next);
    setFocus({ id: moved!.id, target: by < 0 ? "up" : "down" });
  };
  const add = (i: number) => {
    const kind = kindOf(blocks[i]!.block);
    const fresh = toEditBlocks([
      makeBlock(kind === "title" || kind === "number" ? "paragraph" : kind, [], blocks[i]!.block.kind === "entry" ? blocks[i]!.block.marker : undefined),
    ])[0]!;
    onChange([...blocks.slice(0, i + 1), fresh, ...blocks.slice(i + 1)]);
    setFocus({ id: fresh.id, target: "text" });
  };
  const remove = (i: number) => {
    const neighbour = blocks[i + 1] ?? blocks[i - 1];
    onChange(blocks.filter((_, j) => j !== i));
    if (neighbour) setFocus({ id: neighbour.id, target: "text" });
  };

  const stickyTop = useTopBarHeight();

  // The one toolbar acts on the current block: the one the clerk last worked in (the first at first).
  const ci = Math.max(
    0,
    blocks.findIndex((b) => b.id === currentId),
  );
  const current = blocks[ci];
  const currentKind = current ? kindOf(current.block) : "paragraph";
  const n = ci + 1;

  return (
    <div className="minutes-editor-wrap">
      {current && (
        <div
          className="mb-toolbar"
          style={{ top: stickyTop }}
          role="toolbar"
          aria-label={t("minutes.block.toolbar", { n })}
          data-testid="minutes-toolbar"
          data-current={n}
        >
          <span className="mb-toolbar-which small muted" aria-hidden="true">
            {t("minutes.block.current", { n })}
          </span>
          <select
            aria-label={t("minutes.block.kindLabel", { n })}
            value={currentKind}
            onChange={(e) => replace(ci, withKind(current.block, e.target.value as BlockKind), true)}
            data-testid="minutes-block-kind"
          >
            {BLOCK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`minutes.block.kind.${k}`)}
              </option>
            ))}
          </select>
          {current.block.kind === "entry" && (
            <input
              className="mb-marker"
              aria-label={t("minutes.block.marker", { n })}
              value={current.block.marker}
              maxLength={20}
              size={3}
              onChange={(e) => replace(ci, withMarker(current.block, e.target.value))}
            />
          )}
          <button
            type="button"
            className="mb-tool mb-bold"
            aria-label={t("minutes.block.bold")}
            title={t("minutes.block.bold")}
            disabled={!isRich(currentKind)}
            // Keep the selection in the text: the command applies to it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              document.querySelector<HTMLElement>(`[data-block-id="${current.id}"] [contenteditable]`)?.focus();
              document.execCommand("bold");
            }}
            data-testid="minutes-block-bold"
          >
            B
          </button>
          <button
            type="button"
            className="mb-tool"
            aria-label={t("minutes.block.up", { n })}
            title={t("minutes.block.up", { n })}
            disabled={ci === 0}
            onClick={() => move(ci, -1)}
            data-action="up"
          >
            ↑
          </button>
          <button
            type="button"
            className="mb-tool"
            aria-label={t("minutes.block.down", { n })}
            title={t("minutes.block.down", { n })}
            disabled={ci === blocks.length - 1}
            onClick={() => move(ci, 1)}
            data-action="down"
          >
            ↓
          </button>
          <button
            type="button"
            className="mb-tool"
            aria-label={t("minutes.block.add", { n })}
            title={t("minutes.block.add", { n })}
            onClick={() => add(ci)}
            data-testid="minutes-block-add"
          >
            ＋
          </button>
          <button
            type="button"
            className="mb-tool mb-remove"
            aria-label={t("minutes.block.remove", { n })}
            title={t("minutes.block.remove", { n })}
            disabled={blocks.length === 1}
            onClick={() => remove(ci)}
            data-testid="minutes-block-remove"
          >
            ✕
          </button>
        </div>
      )}
      <ol className="minutes-editor" aria-label={t("minutes.editorLabel")} data-testid="minutes-editor">
        {blocks.map((item, i) => {
          const kind = kindOf(item.block);
          const rowN = i + 1;
          return (
            <li
              key={item.id}
              className={`mb-row mb-${kind}${i === ci ? " mb-current" : ""}`}
              data-block-id={item.id}
              data-testid="minutes-block"
              data-kind={kind}
              onFocus={() => setCurrentId(item.id)}
            >
              {item.block.kind === "entry" && (
                <span className="mb-marker-shown" aria-hidden="true">
                  {item.block.marker}
                </span>
              )}
              <BlockText
                key={`${item.id}:${item.rev}`}
                runs={runsOf(item.block)}
                rich={isRich(kind)}
                label={t("minutes.block.text", { n: rowN, kind: t(`minutes.block.kind.${kind}`) })}
                onRuns={(runs) => replace(i, withRuns(item.block, runs))}
                onEnter={() => add(i)}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The page's top bar when it stays at the top (sticky), so the toolbar sticks just below it; else 0. */
function useTopBarHeight(): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const bar = document.querySelector<HTMLElement>(".top-bar");
    if (!bar) return;
    const measure = () => setHeight(getComputedStyle(bar).position === "sticky" ? bar.offsetHeight : 0);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return height;
}

/**
 * The text of one block, edited in place. The DOM is the browser's while the clerk types: the
 * runs are put in once (again when remounted with a new key) and read back on every input.
 */
function BlockText({
  runs,
  rich,
  label,
  onRuns,
  onEnter,
}: {
  runs: readonly Run[];
  rich: boolean;
  label: string;
  onRuns: (runs: Run[]) => void;
  onEnter: () => void;
}) {
  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "Enter") {
      e.preventDefault();
      onEnter();
    }
    // Only bold is kept, and only where the kind has runs: no italics or underline the file would lose.
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === "i" || key === "u" || (key === "b" && !rich))) e.preventDefault();
  };
  const paste = (e: ClipboardEvent<HTMLDivElement>) => {
    // Pasted text comes in plain, on one line: no foreign markup enters the document.
    e.preventDefault();
    document.execCommand("insertText", false, e.clipboardData.getData("text/plain").replace(/\s*[\r\n]+\s*/g, " "));
  };
  return (
    <div
      ref={(element) => {
        if (element && element.dataset.filled !== "1") {
          renderRuns(element, runs);
          element.dataset.filled = "1";
        }
      }}
      className="mb-text"
      contentEditable
      role="textbox"
      aria-label={label}
      spellCheck={false}
      onInput={(e) => onRuns(domToRuns(e.currentTarget))}
      onKeyDown={keyDown}
      onPaste={paste}
      onDrop={(e) => e.preventDefault()}
      data-testid="minutes-block-text"
    />
  );
}
