// The ledger's departments (承办单位) for the clerk's picker of suggestions and decisions:
// GET /api/meetings/:id/departments with the join token, read once per meeting screen. Empty
// until read, and when refused (the picker then offers what the record already names).
import { useEffect, useState } from "react";
import { DepartmentsResponse } from "@core/api/ledger.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { restRequest } from "../../connection/rest.ts";

const cache = new Map<string, Promise<string[]>>();

export function useDepartments(): readonly string[] {
  const connection = useConnection();
  const meetingId = useMeeting().welcome?.meeting.id ?? "";
  const [names, setNames] = useState<readonly string[]>([]);
  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    const key = `${meetingId}\n${connection.token}`;
    let request = cache.get(key);
    if (!request) {
      request = restRequest(connection.token, "GET", `/api/meetings/${encodeURIComponent(meetingId)}/departments`, DepartmentsResponse).then(
        (r) => r.departments.map((d) => d.name),
        () => {
          cache.delete(key);
          return [];
        },
      );
      cache.set(key, request);
    }
    void request.then((list) => live && setNames(list));
    return () => {
      live = false;
    };
  }, [meetingId, connection]);
  return names;
}
