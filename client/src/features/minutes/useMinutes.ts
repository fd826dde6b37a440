import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Block } from "@core/minutes/blocks.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { minutesApi, type MinutesApi, type MinutesVersion, type VersionMeta } from "./minutesApi.ts";

/** Another clerk's save or the chair's approval shows up within this time without a reload. */
const POLL_MS = 10_000;

export interface MinutesData {
  meetingId: string;
  title: string;
  api: MinutesApi;
  /** Ascending by number; null until the first answer. */
  versions: VersionMeta[] | null;
  latest: VersionMeta | null;
  /** The latest approved version (定稿), if any. */
  approved: VersionMeta | null;
  /** The blocks of the versions read so far (a version's content never changes). */
  blocks: ReadonlyMap<number, Block[]>;
  /** Reads the version's blocks unless known or on their way. */
  need: (n: number) => void;
  /** Takes in a version the server just answered with (saved, generated or approved). */
  remember: (version: MinutesVersion) => void;
  refresh: () => Promise<VersionMeta[] | null>;
  /** Why the last list or read failed (offline, refused). */
  loadError: string | null;
}

/**
 * The meeting's saved minutes versions for the chair's and the clerk's screens: the list (read
 * when opened and every few seconds while shown) and the blocks of the versions looked at.
 */
export function useMinutes(): MinutesData {
  const { t } = useTranslation();
  const connection = useConnection();
  const { welcome } = useMeeting();
  const meetingId = welcome?.meeting.id ?? "";
  const fallback = t("minutes.requestFailed");
  const api = useMemo(() => minutesApi(meetingId, connection.token, fallback), [meetingId, connection, fallback]);
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [blocks, setBlocks] = useState<ReadonlyMap<number, Block[]>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const asked = useRef(new Set<number>());

  const refresh = useCallback(async () => {
    try {
      const list = await api.list();
      setVersions((old) => (JSON.stringify(old) === JSON.stringify(list) ? old : list));
      setLoadError(null);
      return list;
    } catch (error) {
      setLoadError((error as Error).message);
      return null;
    }
  }, [api]);

  useEffect(() => {
    if (!meetingId) return;
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [meetingId, refresh]);

  const remember = useCallback((version: MinutesVersion) => {
    const { blocks: content, ...meta } = version;
    asked.current.add(meta.number);
    setBlocks((old) => new Map(old).set(meta.number, content));
    setVersions((old) => [...(old ?? []).filter((v) => v.number !== meta.number), meta].sort((a, b) => a.number - b.number));
  }, []);

  const need = useCallback(
    (n: number) => {
      if (asked.current.has(n)) return;
      asked.current.add(n);
      api.get(n).then(remember, (error: Error) => {
        asked.current.delete(n);
        setLoadError(error.message);
      });
    },
    [api, remember],
  );

  const latest = versions?.at(-1) ?? null;
  const approved = versions?.findLast((v) => v.approvedAt !== null) ?? null;
  return { meetingId, title: welcome?.meeting.title ?? "", api, versions, latest, approved, blocks, need, remember, refresh, loadError };
}
