import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Block } from "@core/minutes/blocks.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { HttpError } from "../../http/api.ts";
import { BlockEditor, fromEditBlocks, toEditBlocks, type EditBlock } from "./BlockEditor.tsx";
import type { MinutesVersion, SaveInput, VersionMeta } from "./minutesApi.ts";
import { MinutesDocument } from "./MinutesDocument.tsx";
import { MinutesDownloads } from "./MinutesDownloads.tsx";
import { useMinutes } from "./useMinutes.ts";
import { readUnsaved, writeUnsaved } from "./unsavedMinutes.ts";
import { VersionCompare, type CompareSide } from "./VersionCompare.tsx";
import { ApprovedBadge, VersionList } from "./VersionList.tsx";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import "./minutes.css";

/** The clerk's edits since opening version `base`; `correcting`: of an approved version (needs a 更正理由). */
interface Session {
  base: number;
  blocks: EditBlock[];
  correcting: boolean;
}

/** Someone else saved (or the chair approved) while the clerk was editing. */
type Clash = { kind: "conflict"; latest: VersionMeta } | { kind: "locked"; latest: VersionMeta };

/** Each version's blocks in the editor, made once, so the editor's rows keep their DOM. */
const editCache = new WeakMap<readonly Block[], EditBlock[]>();
function editBlocksOf(blocks: readonly Block[]): EditBlock[] {
  let edit = editCache.get(blocks);
  if (!edit) editCache.set(blocks, (edit = toEditBlocks(blocks)));
  return edit;
}
const same = (a: readonly Block[], b: readonly Block[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * 会议纪要 for the clerk: the versions, the draft generated from the record, the selected version
 * edited block by block and saved as a new version (never overwriting one), corrections of the
 * approved version with a reason, the comparison of two versions, and the downloads.
 */
export function MinutesWorkspace() {
  const { t } = useTranslation();
  const m = useMinutes();
  const { stamp } = useMeetingTime();
  const [picked, setPicked] = useState<number | null>(null);
  // Edits this browser kept from an earlier visit come back as the editing session.
  const [restored] = useState(() => readUnsaved(m.meetingId));
  const [restoredShown, setRestoredShown] = useState(restored !== null);
  const [session, setSession] = useState<Session | null>(() =>
    restored ? { base: restored.base, blocks: toEditBlocks(restored.blocks), correcting: restored.correcting } : null,
  );
  const [note, setNote] = useState(restored?.note ?? "");
  const [busy, setBusy] = useState<"save" | "generate" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clash, setClash] = useState<Clash | null>(null);
  const [compare, setCompare] = useState<{ from: CompareSide; to: CompareSide } | null>(null);

  const { latest, need } = m;
  const selected = picked ?? latest?.number ?? null;
  const selectedMeta = m.versions?.find((v) => v.number === selected) ?? null;
  /** The heading's version: the one being edited, else the one selected. */
  const shownMeta = (session ? m.versions?.find((v) => v.number === session.base) : selectedMeta) ?? null;
  const selectedBlocks = selected === null ? undefined : m.blocks.get(selected);
  useEffect(() => {
    if (selected !== null) need(selected);
  }, [selected, need]);

  const baseBlocks = session ? m.blocks.get(session.base) : undefined;
  const draft = useMemo(() => (session ? fromEditBlocks(session.blocks) : null), [session]);
  const dirty = session !== null && (!baseBlocks || !same(draft!, baseBlocks));
  const latestLocked = latest?.approvedAt != null;
  useEffect(() => {
    if (!session || (baseBlocks && !dirty)) writeUnsaved(m.meetingId, null);
    else if (dirty) writeUnsaved(m.meetingId, { base: session.base, correcting: session.correcting, blocks: draft!, note, at: Date.now() });
  }, [m.meetingId, session, baseBlocks, dirty, draft, note]);
  // Editing goes on from the latest version; older ones and the approved one are read.
  const freshEdit = !session && selectedMeta !== null && selectedMeta.number === latest?.number && !latestLocked && selectedBlocks !== undefined;

  const confirmDiscard = () => !dirty || window.confirm(t("minutes.discardConfirm"));
  const select = (n: number) => {
    if (n === selected || !confirmDiscard()) return;
    setSession(null);
    setClash(null);
    setPicked(n === latest?.number ? null : n);
  };
  const discard = () => {
    setRestoredShown(false);
    setSession(null);
    setClash(null);
    setNote("");
  };

  const failed = async (e: unknown) => {
    if (!(e instanceof HttpError) || (e.code !== "EDIT_CONFLICT" && e.code !== "MINUTES_LOCKED")) {
      setError((e as Error).message);
      return;
    }
    const list = await m.refresh();
    const now = list?.at(-1);
    if (!now) setError(e.message);
    else if (e.code === "MINUTES_LOCKED") {
      setClash({ kind: "locked", latest: now });
      setSession((s) => (s ? { ...s, correcting: true } : s));
    } else setClash({ kind: "conflict", latest: now });
  };

  const saved = (version: MinutesVersion, mine: EditBlock[] | null) => {
    // The rows just edited stay on screen: the saved version is shown with the same DOM.
    if (mine && same(fromEditBlocks(mine), version.blocks)) editCache.set(version.blocks, mine);
    m.remember(version);
    setRestoredShown(false);
    setSession(null);
    setNote("");
    setClash(null);
    setPicked(null);
    setCompare(null);
  };

  const save = async (baseVersion: number) => {
    if (!session) return;
    setBusy("save");
    setError(null);
    const input: SaveInput = { baseVersion, blocks: draft!, ...(note.trim() ? { note: note.trim() } : {}) };
    try {
      saved(await m.api.save(input), session.blocks);
    } catch (e) {
      await failed(e);
    } finally {
      setBusy(null);
    }
  };

  const generate = async () => {
    setBusy("generate");
    setError(null);
    try {
      saved(await m.api.save({ baseVersion: latest?.number ?? 0, generate: true }), null);
    } catch (e) {
      await failed(e);
    } finally {
      setBusy(null);
    }
  };

  const edit = (blocks: EditBlock[]) => setSession((s) => ({ base: s?.base ?? selected!, correcting: s?.correcting ?? false, blocks }));
  const startCorrection = () => {
    if (!latest || !selectedBlocks) return;
    setSession({ base: latest.number, blocks: editBlocksOf(selectedBlocks), correcting: true });
    setNote("");
  };
  const openCompare = () =>
    setCompare(
      dirty && session ? { from: session.base, to: "draft" } : { from: selected !== null && selected > 1 ? selected - 1 : (selected ?? 1), to: selected ?? 1 },
    );

  const noteRequired = session?.correcting ?? false;
  const canSave = dirty && busy === null && (!noteRequired || note.trim() !== "");

  return (
    <div className="minutes-workspace" data-testid="minutes-workspace">
      <aside className="panel minutes-side" aria-labelledby="minutes-side-title">
        <h2 id="minutes-side-title">{t("minutes.title")}</h2>
        <button
          type="button"
          className={latest ? "secondary" : "primary"}
          disabled={busy !== null || dirty || latestLocked || m.versions === null}
          title={latestLocked ? t("minutes.regenerateLocked") : dirty ? t("minutes.regenerateDirty") : t("minutes.regenerateHint")}
          onClick={() => void generate()}
          data-testid="minutes-generate"
        >
          {busy === "generate" ? t("minutes.generating") : latest ? t("minutes.regenerate") : t("minutes.generate")}
        </button>
        {m.versions === null ? (
          <p className="muted">{m.loadError ?? t("minutes.loading")}</p>
        ) : m.versions.length === 0 ? (
          <p className="muted" data-testid="minutes-empty">
            {t("minutes.noVersions")}
          </p>
        ) : (
          <VersionList versions={m.versions} selected={session ? session.base : selected} onSelect={select} />
        )}
      </aside>

      {/* Named by the shown version's heading: before there is a version it has none. */}
      <section className="panel minutes-main" aria-labelledby={shownMeta ? "minutes-main-title" : undefined}>
        <ErrorNotice message={error ?? (m.versions !== null ? m.loadError : null)} onClose={() => setError(null)} />
        {shownMeta && (
          <div className="minutes-head">
            <h2 id="minutes-main-title" data-testid="minutes-current">
              {session ? t("minutes.editing", { n: session.base }) : t("minutes.version", { n: shownMeta.number })}
              <span className={`minutes-source minutes-source-${shownMeta.source}`}>{t(`minutes.source.${shownMeta.source}`)}</span>
            </h2>
            <ApprovedBadge version={shownMeta} />
            <span className="small muted">{t("minutes.by", { name: shownMeta.authorName, time: stamp(shownMeta.createdAt) })}</span>
            <button
              type="button"
              className="secondary small-button minutes-compare-toggle"
              aria-expanded={compare !== null}
              onClick={() => (compare ? setCompare(null) : openCompare())}
              disabled={(m.versions?.length ?? 0) < 2 && !dirty}
              data-testid="minutes-compare-open"
            >
              {t("minutes.compare")}
            </button>
          </div>
        )}

        {restoredShown && restored && session && (
          <div className="minutes-restored" role="status" data-testid="minutes-restored">
            <p>{t("minutes.restored", { time: stamp(new Date(restored.at).toISOString()) })}</p>
            <button type="button" className="ghost small-button" onClick={() => setRestoredShown(false)}>
              {t("minutes.restoredOk")}
            </button>
          </div>
        )}

        {clash && (
          <div className="note-conflict" role="alert" data-testid="minutes-conflict">
            <p className="note-conflict-title">
              {clash.kind === "conflict"
                ? t("minutes.conflict", { name: clash.latest.authorName, n: clash.latest.number })
                : t("minutes.lockedMeanwhile", { n: clash.latest.number, name: clash.latest.approvedByName ?? "—" })}
            </p>
            {clash.kind === "conflict" && (
              <div className="button-row">
                <button
                  type="button"
                  className="secondary small-button"
                  onClick={() => setCompare({ from: clash.latest.number, to: "draft" })}
                  data-testid="minutes-conflict-compare"
                >
                  {t("minutes.conflictCompare", { n: clash.latest.number })}
                </button>
                <button
                  type="button"
                  className="secondary small-button"
                  disabled={busy !== null}
                  onClick={() => void save(clash.latest.number)}
                  data-testid="minutes-conflict-save"
                >
                  {t("minutes.conflictSaveAnyway")}
                </button>
                <button type="button" className="ghost small-button" onClick={discard} data-testid="minutes-conflict-discard">
                  {t("minutes.conflictTakeTheirs", { n: clash.latest.number })}
                </button>
              </div>
            )}
          </div>
        )}

        {compare && m.versions && (
          <VersionCompare
            versions={m.versions}
            draft={dirty ? draft : null}
            blocks={m.blocks}
            need={need}
            value={compare}
            onChange={setCompare}
            onClose={() => setCompare(null)}
          />
        )}

        {m.versions?.length === 0 ? (
          <p className="muted">{t("minutes.startHint")}</p>
        ) : session ? (
          <BlockEditor blocks={session.blocks} onChange={edit} />
        ) : freshEdit ? (
          <BlockEditor blocks={editBlocksOf(selectedBlocks)} onChange={edit} />
        ) : selectedBlocks && selectedMeta ? (
          <>
            {selectedMeta.number === latest?.number ? (
              <div className="minutes-locked" data-testid="minutes-locked">
                <p>{t("minutes.locked", { n: selectedMeta.number })}</p>
                <button type="button" className="secondary small-button" onClick={startCorrection} data-testid="minutes-correct">
                  {t("minutes.correct")}
                </button>
              </div>
            ) : (
              <p className="minutes-locked" data-testid="minutes-old">
                {t("minutes.notLatest", { n: selectedMeta.number, latest: latest?.number })}
              </p>
            )}
            <MinutesDocument blocks={selectedBlocks} />
          </>
        ) : (
          selected !== null && <p className="muted">{t("minutes.loading")}</p>
        )}

        {session && (
          <div className="minutes-savebar" data-testid="minutes-savebar">
            <label className="minutes-note">
              <span>{noteRequired ? t("minutes.correctionReason") : t("minutes.note")}</span>
              <input value={note} maxLength={500} required={noteRequired} onChange={(e) => setNote(e.target.value)} data-testid="minutes-note" />
            </label>
            <span className="small muted" data-testid="minutes-status">
              {dirty ? t("minutes.unsaved") : t("minutes.noChangesYet")}
            </span>
            <button type="button" className="ghost small-button" onClick={() => confirmDiscard() && discard()} data-testid="minutes-discard">
              {session.correcting ? t("minutes.cancelCorrection") : t("minutes.discard")}
            </button>
            <button type="button" className="primary small-button" disabled={!canSave} onClick={() => void save(session.base)} data-testid="minutes-save">
              {busy === "save" ? t("minutes.saving") : session.correcting ? t("minutes.saveCorrection") : t("minutes.saveNew")}
            </button>
          </div>
        )}

        <MinutesDownloads meetingId={m.meetingId} title={m.title} version={session ? null : selected} />
      </section>
    </div>
  );
}
