import { useCallback, useEffect, useState } from "react";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Replaces the data locally (after a successful change). */
  set: (update: (current: T) => T) => void;
}

/** Loads `load()` (memoise it with useCallback) and again whenever it changes. */
export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: undefined });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ data, error: undefined });
      },
      (error: unknown) => {
        if (live) setState((current) => ({ data: current.data, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const set = useCallback(
    (update: (current: T) => T) => setState((current) => (current.data === undefined ? current : { data: update(current.data), error: undefined })),
    [],
  );
  return { data: state.data, error: state.error, reload, set };
}
