// The HTTP contract against the real server: what every route the browser reads answers is
// parsed by its response schema in core/api (the browser's one HTTP client parses them the
// same way, client/src/http/api.ts), and the client maps the server's refusals to HttpError.
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { AccountResponse, AccountsResponse, CreatedAccountResponse } from "../../../core/api/accounts.ts";
import { ArchiveMeetingsResponse, SearchResponse } from "../../../core/api/archive.ts";
import { OkResponse } from "../../../core/api/common.ts";
import {
  DashboardResponse,
  DepartmentResponse,
  DepartmentsResponse,
  ItemResponse,
  ItemsResponse,
  ItemWithStepsResponse,
  RemindersResponse,
} from "../../../core/api/ledger.ts";
import { Link } from "../../../core/api/links.ts";
import { LiveRosterResponse } from "../../../core/api/liveRoster.ts";
import { AgendaItemResponse, AgendaResponse, MeetingDetail, MeetingResponse, MeetingsResponse } from "../../../core/api/meetings.ts";
import { VersionResponse, VersionsResponse } from "../../../core/api/minutes.ts";
import { PlannedSpeechResponse, PlanResponse } from "../../../core/api/plan.ts";
import { RecordingsResponse } from "../../../core/api/recordings.ts";
import { ImportResponse, ParticipantResponse, ParticipantsResponse } from "../../../core/api/roster.ts";
import { StatisticsResponse } from "../../../core/api/stats.ts";
import { httpClient, HttpError } from "../../../client/src/http/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { fileForm, staffClient, type ApiResponse } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** The answer's body, once its status is the one expected and its schema parses it. */
function parsed<S extends z.ZodType>(schema: S, answer: ApiResponse, status = 200): z.output<S> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const result = schema.safeParse(answer.body);
  expect(result.success ? [] : result.error.issues).toEqual([]);
  return result.data as z.output<S>;
}

describe("the HTTP contract (core/api) against the real server", () => {
  it("parses the organiser routes' answers with their schemas", async () => {
    const { server, url } = await h.startServer();
    const { client: admin } = await staffClient(server, url, "admin1", "admin");
    parsed(AccountResponse, await admin.get("/api/auth/me"));
    parsed(AccountsResponse, await admin.get("/api/accounts"));
    const department = parsed(DepartmentResponse, await admin.post("/api/ledger/departments", { name: "区住建局" }), 201).department;
    parsed(
      CreatedAccountResponse,
      await admin.post("/api/accounts", { username: "dept1", displayName: "住建", role: "department", departmentId: department.id }),
      201,
    );

    const meeting = parsed(
      MeetingResponse,
      await admin.post("/api/meetings", { title: "契约测试", number: "〔2026〕1号", startsAt: "2026-05-12T09:00:00+08:00" }),
      201,
    ).meeting;
    const m = `/api/meetings/${meeting.id}`;
    parsed(MeetingsResponse, await admin.get("/api/meetings?archived=false"));
    parsed(MeetingResponse, await admin.patch(m, { place: "三楼会议室" }));
    const item = parsed(AgendaItemResponse, await admin.post(`${m}/agenda`, { title: "议题一", plannedMinutes: 30 }), 201).item;
    parsed(AgendaItemResponse, await admin.patch(`${m}/agenda/${item.id}`, { presenter: "王主任" }));
    parsed(AgendaResponse, await admin.put(`${m}/agenda/order`, { itemIds: [item.id] }));
    const person = parsed(
      ParticipantResponse,
      await admin.post(`${m}/participants`, { name: "李委员", role: "member", sector: "经济界", voteWeight: 89.5 }),
      201,
    ).participant;
    parsed(ParticipantsResponse, await admin.get(`${m}/participants?sort=pinyin`));
    const csv = "姓名,角色,界别\n王委员,委员,科技界\n";
    const dryRun = parsed(ImportResponse, await admin.post(`${m}/roster/import?dryRun=true`, undefined, { form: fileForm(csv, "名单.csv", "text/csv") }));
    expect([dryRun.dryRun, dryRun.imported]).toEqual([true, 1]);
    parsed(MeetingDetail, await admin.get(m));
    const speech = parsed(
      PlannedSpeechResponse,
      await admin.post(`${m}/plan`, { participantId: person.id, kind: "booked", agendaItemId: item.id, title: "关于停车" }),
      201,
    ).speech;
    parsed(PlanResponse, await admin.put(`${m}/plan/order`, { bookingIds: [speech.id] }));
    parsed(Link, await admin.get(`${m}/participants/${person.id}/link`));
    parsed(Link, await admin.get(`${m}/display-link`));
    parsed(Link, await admin.get(`${m}/checkin-link`));
    parsed(OkResponse, await admin.post(`${m}/participants/${person.id}/link/revoke`));
    parsed(MeetingResponse, await admin.post(`${m}/archive`, { archived: true }));
    parsed(ArchiveMeetingsResponse, await admin.get("/api/archive/meetings"));
    parsed(SearchResponse, await admin.get(`/api/archive/search?q=${encodeURIComponent("停车")}`));

    const created = parsed(
      ItemResponse,
      await admin.post("/api/ledger/items", { source: "hotline", raisedOn: "2026-05-12", raisedByName: "张三", title: "路灯不亮", text: "小区路灯" }),
      201,
    ).item;
    const assigned = await admin.post(`/api/ledger/items/${created.id}/actions`, {
      baseVersion: created.version,
      action: { type: "assign", lead: department.id, partners: [], deadline: "2099-12-31", instructions: "" },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    parsed(ItemWithStepsResponse, await admin.get(`/api/ledger/items/${created.id}`));
    parsed(ItemsResponse, await admin.get("/api/ledger/items"));
    parsed(DepartmentsResponse, await admin.get("/api/ledger/departments"));
    parsed(DashboardResponse, await admin.get("/api/ledger/dashboard"));
    parsed(RemindersResponse, await admin.get("/api/ledger/reminders"));
  });

  it("the client parses the meeting screens' answers with the join token, and carries refusals as HttpError", async () => {
    const { server, url } = await h.startServer();
    const { meetingId, tokens } = await h.createMeeting(server);
    const as = (token: string) => httpClient({ token, baseUrl: url });
    const m = `/api/meetings/${meetingId}`;

    const live = await as(tokens.member1).json("GET", "/api/live/roster", LiveRosterResponse);
    expect(live.roster.length).toBeGreaterThan(0);
    const mine = await as(tokens.member1).json("POST", `${m}/my-speeches`, PlannedSpeechResponse, {
      kind: "written",
      agendaItemId: null,
      title: "书面发言",
      text: "正文",
    });
    expect((await as(tokens.member1).json("GET", `${m}/my-speeches`, PlanResponse)).plan.map((s) => s.id)).toEqual([mine.speech.id]);
    await as(tokens.member1).json("DELETE", `${m}/my-speeches/${mine.speech.id}`, OkResponse);
    expect((await as(tokens.clerk).json("GET", `${m}/recordings`, RecordingsResponse)).recordings).toEqual([]);
    const draft = await as(tokens.clerk).json("POST", `${m}/minutes/versions`, VersionResponse, { baseVersion: 0, generate: true });
    expect(draft.version.number).toBe(1);
    expect((await as(tokens.chair).json("GET", `${m}/minutes/versions`, VersionsResponse)).versions).toHaveLength(1);
    expect((await as(tokens.chair).json("GET", `${m}/statistics`, StatisticsResponse)).overall.speeches).toBe(0);

    const refused = await as(tokens.member1)
      .json("GET", `${m}/recordings`, RecordingsResponse)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(403);
    expect((refused as HttpError).code).toBe("FORBIDDEN");
    expect((refused as HttpError).text.zh.length).toBeGreaterThan(0);
    const bad = await as("not-a-token")
      .json("GET", "/api/live/roster", LiveRosterResponse)
      .catch((e: unknown) => e);
    expect([(bad as HttpError).status, (bad as HttpError).code]).toEqual([401, "TOKEN_INVALID"]);
  });
});
