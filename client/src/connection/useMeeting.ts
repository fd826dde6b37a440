import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { RosterEntry } from "@core/state.ts";
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

/** Looks up participants by id in the meeting's roster. */
export function useRoster(): (id: string) => RosterEntry | undefined {
  const { state } = useMeeting();
  const byId = new Map(state?.roster.map((p) => [p.id, p]) ?? []);
  return (id) => byId.get(id);
}
