import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { rosterNames } from "@core/naming/displayNames.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { MeetingConnection } from "./meetingConnection.ts";

export const ConnectionContext = createContext<MeetingConnection | null>(null);

export function useConnection(): MeetingConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error("useConnection outside ConnectionContext");
  return connection;
}

export function useMeeting() {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

/** The server's current time, re-rendering every `intervalMs`. */
export function useServerNow(intervalMs = 250): number {
  const { clockOffsetMs } = useMeeting();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + clockOffsetMs;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * How each person is named in this meeting, by id (同名区分, core/naming): the plain name, or
 * 张丽（502室） when two or more people share it. Every screen shows people through this, so
 * they all name them alike, and as the minutes and exports do. Undefined for ids not on the roster.
 */
export function useDisplayName(): (id: string) => string | undefined {
  const { state } = useMeeting();
  const names = state ? rosterNames(state.roster) : NO_NAMES;
  return (id) => names.get(id);
}

/** Looks up participants by id in the meeting's roster. */
export function useRoster(): (id: string) => RosterEntry | undefined {
  const { state } = useMeeting();
  const byId = new Map(state?.roster.map((p) => [p.id, p]) ?? []);
  return (id) => byId.get(id);
}
