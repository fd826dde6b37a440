import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from "react";
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
 * The structured editor: one row per block with its kind, its text edited in place (rich text
 * for 正文, 条目, 子条目 and 落款: bold with the B button or Ctrl+B) and the buttons to add a block
 * below, delete, and move up or down. Enter adds a block below instead of a line break.
 */
export function BlockEditor({ blocks, onChange }: { blocks: readonly EditBlock[]; onChange: (blocks: EditBlock[]) => void }) {
  const { t } = useTranslation();
  const focusNext = useRef<Focus | null>(null);
  const setFocus = (focus: Focus) => (focusNext.current = focus);

  // After a move, an addition or a removal the rows changed: put the focus where the clerk works.
  useEffect(() => {
    const focus = focusNext.current;
    if (!focus) return;
    focusNext.current = null;
    const row = document.querySelector(`[data-block-id="${focus.id}"]`);
    row?.querySelector<HTMLElement>(focus.target === "text" ? "[contenteditable]" : `[data-action="${focus.target}"]`)?.focus();
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

  return (
    <ol className="minutes-editor" aria-label={t("minutes.editorLabel")} data-testid="minutes-editor">
      {blocks.map((item, i) => {
        const kind = kindOf(item.block);
        const n = i + 1;
        return (
          <li key={item.id} className={`mb-row mb-${kind}`} data-block-id={item.id} data-testid="minutes-block" data-kind={kind}>
            <div className="mb-tools">
              <select
                aria-label={t("minutes.block.kindLabel", { n })}
                value={kind}
                onChange={(e) => replace(i, withKind(item.block, e.target.value as BlockKind), true)}
                data-testid="minutes-block-kind"
              >
                {BLOCK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`minutes.block.kind.${k}`)}
                  </option>
                ))}
              </select>
              {item.block.kind === "entry" && (
                <input
                  className="mb-marker"
                  aria-label={t("minutes.block.marker", { n })}
                  value={item.block.marker}
                  maxLength={20}
                  size={3}
                  onChange={(e) => replace(i, withMarker(item.block, e.target.value))}
                />
              )}
              {isRich(kind) && (
                <button
                  type="button"
                  className="mb-tool mb-bold"
                  aria-label={t("minutes.block.bold")}
                  title={t("minutes.block.bold")}
                  // Keep the selection in the text: the command applies to it.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) => {
                    e.currentTarget.closest(".mb-row")?.querySelector<HTMLElement>("[contenteditable]")?.focus();
                    document.execCommand("bold");
                  }}
                  data-testid="minutes-block-bold"
                >
                  B
                </button>
              )}
              <button
                type="button"
                className="mb-tool"
                aria-label={t("minutes.block.up", { n })}
                title={t("minutes.block.up", { n })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                data-action="up"
              >
                ↑
              </button>
              <button
                type="button"
                className="mb-tool"
                aria-label={t("minutes.block.down", { n })}
                title={t("minutes.block.down", { n })}
                disabled={i === blocks.length - 1}
                onClick={() => move(i, 1)}
                data-action="down"
              >
                ↓
              </button>
              <button
                type="button"
                className="mb-tool"
                aria-label={t("minutes.block.add", { n })}
                title={t("minutes.block.add", { n })}
                onClick={() => add(i)}
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
                onClick={() => remove(i)}
                data-testid="minutes-block-remove"
              >
                ✕
              </button>
            </div>
            <BlockText
              key={`${item.id}:${item.rev}`}
              runs={runsOf(item.block)}
              rich={isRich(kind)}
              label={t("minutes.block.text", { n, kind: t(`minutes.block.kind.${kind}`) })}
              onRuns={(runs) => replace(i, withRuns(item.block, runs))}
              onEnter={() => add(i)}
            />
          </li>
        );
      })}
    </ol>
  );
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
