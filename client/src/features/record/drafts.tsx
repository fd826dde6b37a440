// The summaries being typed on this screen, by entry key, kept in the tab's sessionStorage: a
// clerk's typed text survives switching entries, an edit conflict and a reload.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { SummaryDraft } from "./notes.ts";

interface Drafts {
  get(key: string): SummaryDraft | undefined;
  set(key: string, draft: SummaryDraft | undefined): void;
}

const DraftsContext = createContext<Drafts | null>(null);

const load = (storageKey: string): Record<string, SummaryDraft> => {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? "{}") as Record<string, SummaryDraft>;
  } catch {
    return {};
  }
};

export function DraftsProvider({ meetingId, children }: { meetingId: string; children: ReactNode }) {
  const storageKey = `yst-record-drafts-${meetingId}`;
  const [drafts, setDrafts] = useState(() => load(storageKey));
  const set = useCallback(
    (key: string, draft: SummaryDraft | undefined) => {
      setDrafts((all) => {
        const next = { ...all };
        if (draft) next[key] = draft;
        else delete next[key];
        try {
          sessionStorage.setItem(storageKey, JSON.stringify(next));
        } catch {
          // Storage full or off: the draft stays in memory.
        }
        return next;
      });
    },
    [storageKey],
  );
  const value = useMemo(() => ({ get: (key: string) => drafts[key], set }), [drafts, set]);
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>;
}

export function useDrafts(): Drafts {
  const drafts = useContext(DraftsContext);
  if (!drafts) throw new Error("useDrafts outside DraftsProvider");
  return drafts;
}
