// The clerk's 承办单位 picker reads the ledger's departments (GET /api/meetings/:id/departments):
// the meeting's chair and clerk with their join token and staff sessions; enabled departments
// only; members and other meetings' people are refused. Real server and SQLite.
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, staffClient } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("the ledger's departments for the clerk's picker", () => {
  it("lists enabled departments to the meeting's staff, and refuses members and other meetings", async () => {
    const t = await h.startServer();
    const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
    const ids: string[] = [];
    for (const name of ["区教育局", "区住房和城乡建设委员会", "已撤并的单位"]) {
      const res = await org.post("/api/ledger/departments", { name });
      expect(res.status).toBe(201);
      ids.push(res.body.department.id);
    }
    expect((await org.patch(`/api/ledger/departments/${ids[2]}`, { disabled: true })).status).toBe(200);
    const m = await h.createMeeting(t.server);
    const path = `/api/meetings/${m.meetingId}/departments`;
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const anon = new ApiClient(t.url);

    const clerk = await anon.get(path, bearer(m.tokens.clerk));
    expect(clerk.status).toBe(200);
    expect(clerk.body.departments.map((d: { name: string }) => d.name).sort()).toEqual(["区住房和城乡建设委员会", "区教育局"].sort());
    expect((await anon.get(path, bearer(m.tokens.chair))).status).toBe(200);
    expect((await org.get(path)).status).toBe(200);
    expect((await anon.get(path, bearer(m.tokens.member1))).status).toBe(403);
    expect((await anon.get(path)).status).toBe(401);
    const other = await h.createMeeting(t.server, "另一个会议");
    expect((await anon.get(path, bearer(other.tokens.clerk))).status).toBe(403);
  });
});
